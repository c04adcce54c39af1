namespace Livechat.Core.Rooms;

/// <summary>The stored message; <paramref name="Duplicate"/> when the idempotency key had been used before.</summary>
public sealed record AppendResult(ChatMessage Message, bool Duplicate);
