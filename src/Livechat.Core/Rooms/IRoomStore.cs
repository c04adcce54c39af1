namespace Livechat.Core.Rooms;

/// <summary>Persists rooms and their transcripts.</summary>
public interface IRoomStore
{
    /// <summary>Stores a new room; returns it with <c>Created</c> false and the stored room when the id was taken.</summary>
    Task<(Room Room, bool Created)> CreateAsync(Room room, CancellationToken cancellationToken);

    Task<Room?> GetAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>Replaces the room if nobody changed it since it was read; null when somebody did.</summary>
    Task<Room?> TryReplaceAsync(Room room, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a message with the room's next sequence number, exactly once per idempotency key.
    /// <paramref name="room"/> is the caller's latest read of the stored room, unchanged: its ETag and NextSeq are
    /// tried first, so an uncontended append is one round trip; when somebody wrote since, the room is read again.
    /// An ended room's transcript takes no more messages (<see cref="AppendStatus.RoomEnded"/>), but a retry of a
    /// message it took before it ended still gets that message back, as a duplicate.
    /// </summary>
    Task<AppendOutcome> AppendAsync(Room room, NewMessage message, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>
    /// Appends several messages, in order and with consecutive sequence numbers, all or none (one transaction; at
    /// most <see cref="MaxMessagesPerAppend"/>), exactly once per idempotency key, as <see cref="AppendAsync"/>.
    /// </summary>
    Task<AppendOutcome> AppendAllAsync(Room room, IReadOnlyList<NewMessage> messages, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>The most messages one <see cref="AppendAllAsync"/> stores together.</summary>
    const int MaxMessagesPerAppend = 40;

    /// <summary>The room's messages with a sequence number above <paramref name="afterSeq"/>, oldest first.</summary>
    Task<IReadOnlyList<ChatMessage>> ReadMessagesAsync(string roomId, long afterSeq, int max, CancellationToken cancellationToken);
}
