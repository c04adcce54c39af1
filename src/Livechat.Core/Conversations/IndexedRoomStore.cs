using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace Livechat.Core.Conversations;

/// <summary>
/// The room store, keeping the conversations index in step with it from one place instead of in every handler that
/// changes a room. What it costs: a room's start writes one index row; a status, department, agent or user change
/// (a transfer, a claim, an end, setUserId) reads and writes it; an agent's first message in a room reads it and
/// writes it once. Visitor and bot messages cost nothing here: the listing takes message counts and the last message
/// from the room when it shows it. The index is written after the room, so a failed index write leaves the room as
/// written (logged; the next change of the room repairs the row).
/// </summary>
public sealed partial class IndexedRoomStore(IRoomStore rooms, IConversationIndex index, TimeProvider time, ILogger<IndexedRoomStore> logger)
    : IRoomStore, IDisposable
{
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) };
    // Rooms whose first agent reply is known to be in the index, so an agent's later messages cost no read.
    private readonly MemoryCache _replied = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public async Task<(Room Room, bool Created)> CreateAsync(Room room, CancellationToken cancellationToken)
    {
        var created = await rooms.CreateAsync(room, cancellationToken);
        // A new room has no row yet: one insert, no read.
        if (created.Created) await BestEffortAsync(room.RoomId, () => index.TrySaveAsync(ConversationEntry.Of(created.Room), cancellationToken));
        return created;
    }

    public Task<Room?> GetAsync(string roomId, CancellationToken cancellationToken) => rooms.GetAsync(roomId, cancellationToken);

    public async Task<Room?> TryReplaceAsync(Room room, CancellationToken cancellationToken)
    {
        var saved = await rooms.TryReplaceAsync(room, cancellationToken);
        if (saved is not null) await IndexAsync(saved, cancellationToken);
        return saved;
    }

    public async Task<AppendOutcome> AppendAsync(Room room, NewMessage message, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var appended = await rooms.AppendAsync(room, message, sentAt, cancellationToken);
        if (appended.Status == AppendStatus.Appended) await NoteAppendedAsync(room, appended.Messages, cancellationToken);
        return appended;
    }

    public async Task<AppendOutcome> AppendAllAsync(Room room, IReadOnlyList<NewMessage> messages, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        var appended = await rooms.AppendAllAsync(room, messages, sentAt, cancellationToken);
        if (appended.Status == AppendStatus.Appended) await NoteAppendedAsync(room, appended.Messages, cancellationToken);
        return appended;
    }

    public Task<IReadOnlyList<ChatMessage>> ReadMessagesAsync(string roomId, long afterSeq, int max, CancellationToken cancellationToken) =>
        rooms.ReadMessagesAsync(roomId, afterSeq, max, cancellationToken);

    public void Dispose() => _replied.Dispose();

    /// <summary>Only an agent's message matters to the index (its first one is the reply time the overview shows).</summary>
    private async Task NoteAppendedAsync(Room room, IReadOnlyList<AppendResult> appended, CancellationToken cancellationToken)
    {
        var reply = appended.FirstOrDefault(a => !a.Duplicate && a.Message.Sender == Sender.Agent);
        if (reply is null || _replied.TryGetValue(room.RoomId, out _)) return;
        await BestEffortAsync(room.RoomId, async () =>
        {
            var saved = await OptimisticConcurrency.RunAsync<bool>("conversation", async _ =>
            {
                var stored = await index.GetAsync(room.RoomId, room.CreatedAt, cancellationToken);
                if (stored?.FirstAgentReplyAt is not null) return true;
                var entry = ConversationEntry.After(stored, reply.Room ?? room, time.GetUtcNow()) ?? stored!;
                return await index.TrySaveAsync(entry with { FirstAgentReplyAt = reply.Message.SentAt }, cancellationToken) ? true : null;
            });
            if (saved.IsSuccess) _replied.Set(room.RoomId, true, Entry);
        });
    }

    private Task IndexAsync(Room room, CancellationToken cancellationToken) => BestEffortAsync(room.RoomId, async () =>
    {
        await OptimisticConcurrency.RunAsync<bool>("conversation", async _ =>
        {
            var stored = await index.GetAsync(room.RoomId, room.CreatedAt, cancellationToken);
            if (ConversationEntry.After(stored, room, time.GetUtcNow()) is not { } next) return true;
            return await index.TrySaveAsync(next, cancellationToken) ? true : null;
        });
    });

    private Task BestEffortAsync(string roomId, Func<Task> write) => BestEffort.RunAsync(write, e => LogIndexFailed(e, roomId));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversations index missed a change of room {RoomId}; the room is as written")]
    private partial void LogIndexFailed(Exception exception, string roomId);
}
