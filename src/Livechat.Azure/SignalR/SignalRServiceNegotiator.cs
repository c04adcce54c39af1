using Livechat.Core.Realtime;

namespace Livechat.Azure.SignalR;

/// <summary>Negotiate for Azure SignalR Service in serverless mode: the client URL and a token naming the user.</summary>
public sealed class SignalRServiceNegotiator(SignalRTokenFactory tokenFactory) : IRealtimeNegotiator
{
    public NegotiateResult Negotiate(string userId) =>
        new(tokenFactory.ClientUrl, tokenFactory.CreateClientToken(userId));
}
