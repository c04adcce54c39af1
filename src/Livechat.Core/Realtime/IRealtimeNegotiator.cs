namespace Livechat.Core.Realtime;

/// <summary>Gives a client the URL and access token to open its realtime connection as <c>userId</c>.</summary>
public interface IRealtimeNegotiator
{
    NegotiateResult Negotiate(string userId);
}

/// <summary>What the SignalR client needs: the hub URL and a bearer token.</summary>
public sealed record NegotiateResult(string Url, string AccessToken);
