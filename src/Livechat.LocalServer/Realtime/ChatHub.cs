using Microsoft.AspNetCore.SignalR;

namespace Livechat.LocalServer.Realtime;

/// <summary>
/// The local stand-in for Azure SignalR Service in serverless mode: clients only listen; the server sends.
/// A connection without a valid token is refused, as the service would refuse it.
/// </summary>
public sealed class ChatHub : Hub
{
    public const string Path = "/hub";

    public override Task OnConnectedAsync()
    {
        if (string.IsNullOrEmpty(Context.UserIdentifier)) Context.Abort();
        return base.OnConnectedAsync();
    }
}
