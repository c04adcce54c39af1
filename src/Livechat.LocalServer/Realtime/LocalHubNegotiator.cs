using Livechat.Core.Realtime;

namespace Livechat.LocalServer.Realtime;

/// <summary>Negotiates connections to the in-process hub, at this server's own address.</summary>
public sealed class LocalHubNegotiator(IHttpContextAccessor http, HubTokens tokens) : IRealtimeNegotiator
{
    public NegotiateResult Negotiate(string userId)
    {
        var request = http.HttpContext?.Request ?? throw new InvalidOperationException("Negotiate runs inside a request.");
        return new NegotiateResult($"{request.Scheme}://{request.Host}{request.PathBase}{ChatHub.Path}", tokens.Issue(userId));
    }
}
