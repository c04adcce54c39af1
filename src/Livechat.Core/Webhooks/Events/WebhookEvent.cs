namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// What a <see cref="Realtime.ChatEvent"/> becomes for webhooks, before it has an id: its type, the room and the room's
/// seq at the time (the last message's number, so a receiver can check the order within a room), and its data.
/// </summary>
public sealed record WebhookEvent(string Type, string? RoomId, long? Seq, object Data);
