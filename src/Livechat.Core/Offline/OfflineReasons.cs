namespace Livechat.Core.Offline;

/// <summary>Why a transfer offered the form: the widget and the webhook say which.</summary>
public static class OfflineReasons
{
    public const string Closed = "closed";
    public const string NobodyOnline = "nobodyOnline";
}
