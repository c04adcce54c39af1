using System.ComponentModel.DataAnnotations;

namespace Livechat.LocalServer.Realtime;

/// <summary>Signs the local hub's access tokens, as the AccessKey does for Azure SignalR Service.</summary>
public sealed class LocalRealtimeOptions
{
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = "";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
