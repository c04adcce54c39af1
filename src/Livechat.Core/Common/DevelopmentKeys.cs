namespace Livechat.Core.Common;

/// <summary>
/// The keys of local development (local.settings.example.json, Azurite's and the SignalR emulator's well-known keys)
/// are public: outside development a setting that holds one is refused at start-up.
/// </summary>
public static class DevelopmentKeys
{
    private static readonly string[] Markers =
    [
        "local-development-only",
        "replace-with",
        // The Azure SignalR Service emulator's fixed AccessKey and Azurite's account key.
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH",
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq",
    ];

    public static bool IsKnown(string? value) =>
        !string.IsNullOrEmpty(value) && Markers.Any(marker => value.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
