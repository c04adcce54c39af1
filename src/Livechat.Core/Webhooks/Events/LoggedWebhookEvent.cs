namespace Livechat.Core.Webhooks.Events;

/// <summary>One row of the event log: the delivery body as it will be sent (every try sends the same bytes).</summary>
public sealed record LoggedWebhookEvent(string Id, string Type, string? RoomId, string Body);
