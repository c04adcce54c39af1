using Microsoft.AspNetCore.SignalR;

namespace Livechat.LocalServer.Realtime;

/// <summary>Maps a connection to the user id in its token's <c>nameid</c> claim, as Azure SignalR Service does.</summary>
public sealed class NameIdUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirst(HubTokens.UserIdClaim)?.Value;
}
