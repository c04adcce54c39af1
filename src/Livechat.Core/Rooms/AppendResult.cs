namespace Livechat.Core.Rooms;

/// <summary>
/// The stored message; <paramref name="Duplicate"/> when the idempotency key had been used before.
/// <paramref name="Room"/>: the room as this append left it (its new ETag and NextSeq), a good first guess for the
/// next append to it; null for a duplicate.
/// </summary>
public sealed record AppendResult(ChatMessage Message, bool Duplicate, Room? Room = null);
