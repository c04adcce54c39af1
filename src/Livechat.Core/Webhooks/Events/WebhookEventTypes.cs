namespace Livechat.Core.Webhooks.Events;

/// <summary>The event types a webhook subscription can ask for, as they appear in the delivery's <c>type</c>.</summary>
public static class WebhookEventTypes
{
    public const string ChatStarted = "chat.started";
    public const string MessageCreated = "message.created";
    public const string ChatTransferred = "chat.transferred";
    public const string ChatAssigned = "chat.assigned";
    public const string ChatEnded = "chat.ended";
    public const string UserIdentified = "user.identified";
    public const string OfflineMessageCreated = "offline_message.created";
    public const string CsatSubmitted = "csat.submitted";

    public static IReadOnlyList<string> All { get; } = [ChatStarted, MessageCreated, ChatTransferred, ChatAssigned, ChatEnded, UserIdentified, OfflineMessageCreated, CsatSubmitted];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
