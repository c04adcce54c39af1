using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Livechat.Core.Conversations;

namespace Livechat.Core.Tests.Conversations;

/// <summary>
/// The index as the port promises it and no more: newest first, after the position, ETags checked; it applies none
/// of the filter's conditions (the port says they "may" hold), so the handlers' own checks are what the tests see.
/// </summary>
internal sealed class InMemoryConversationIndex : IConversationIndex
{
    private readonly ConcurrentDictionary<string, ConversationEntry> _rows = new();
    private int _etag;

    public int Reads { get; private set; }
    public int Saves { get; private set; }
    public Exception? FailWith { get; set; }

    public IReadOnlyCollection<ConversationEntry> Rows => _rows.Values.ToList();

    public Task<ConversationEntry?> GetAsync(string roomId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        if (FailWith is not null) throw FailWith;
        Reads++;
        return Task.FromResult(_rows.TryGetValue(roomId, out var e) && e.StartedAt == startedAt ? e : null);
    }

    public Task<bool> TrySaveAsync(ConversationEntry entry, CancellationToken cancellationToken)
    {
        if (FailWith is not null) throw FailWith;
        Saves++;
        var stored = _rows.GetValueOrDefault(entry.RoomId);
        if (stored?.ETag != entry.ETag) return Task.FromResult(false);
        _rows[entry.RoomId] = entry with { ETag = $"e{Interlocked.Increment(ref _etag)}" };
        return Task.FromResult(true);
    }

    public void Put(ConversationEntry entry) => _rows[entry.RoomId] = entry with { ETag = $"e{Interlocked.Increment(ref _etag)}" };

    public async IAsyncEnumerable<ConversationEntry> ScanAsync(ConversationFilter filter, ConversationPosition? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var entry in _rows.Values.OrderByDescending(e => e.StartedAt).ThenBy(e => e.RoomId, StringComparer.Ordinal))
            if (after is null || after.IsBefore(entry)) yield return entry;
    }
}
