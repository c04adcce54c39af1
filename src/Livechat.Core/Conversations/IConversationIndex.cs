namespace Livechat.Core.Conversations;

/// <summary>
/// Every room, newest first by start: the one place a listing of rooms can be read from, since the rooms themselves
/// are keyed by id alone. An index only: the room is the truth, and readers check what they show against it.
/// </summary>
public interface IConversationIndex
{
    Task<ConversationEntry?> GetAsync(string roomId, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>Inserts the entry (no ETag) or replaces it under its ETag; false when somebody wrote it first.</summary>
    Task<bool> TrySaveAsync(ConversationEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// The entries after <paramref name="after"/> (from the newest when null), newest first, for which
    /// <see cref="ConversationFilter.Matches(ConversationEntry)"/> may hold; callers check it again. Read lazily: a
    /// caller that stops early reads no further page.
    /// </summary>
    IAsyncEnumerable<ConversationEntry> ScanAsync(ConversationFilter filter, ConversationPosition? after, CancellationToken cancellationToken);
}
