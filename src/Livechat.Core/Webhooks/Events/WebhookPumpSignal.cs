namespace Livechat.Core.Webhooks.Events;

/// <summary>The one external event a pump waits for: events are waiting, or deliver again after a cursor.</summary>
public sealed record WebhookPumpSignal(WebhookPumpSignalKind Kind, string? After = null)
{
    public const string EventName = "WebhookPumpSignal";
}

public enum WebhookPumpSignalKind
{
    Wake,
    Replay,
}
