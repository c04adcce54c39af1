namespace Livechat.Core.Webhooks.Events;

/// <summary>An event a subscription's receiver did not take within the last try: listed, and re-sendable.</summary>
public sealed record WebhookDeadLetter(string SubscriptionId, string EventId, string Type, string? RoomId, int Attempts, string LastError, DateTimeOffset FailedAt);
