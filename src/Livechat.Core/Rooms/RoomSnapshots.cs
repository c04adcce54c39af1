using Microsoft.Extensions.Caching.Memory;

namespace Livechat.Core.Rooms;

/// <summary>
/// The rooms this instance last wrote, so that a visitor's message need not start with a read of its room. A snapshot
/// is safe to act on: the append is conditional on its ETag (a stale one costs the store a read, never a wrong
/// write); a room's ownership only grows (setUserId gives it a user), so a stale snapshot can refuse a visitor, never
/// admit one, and a refusal is checked against a fresh read; an ended room stays ended; and where the message goes
/// next is decided on the room the append returns. On several instances a snapshot is stale when another instance
/// wrote last: that append costs one failed transaction more.
/// </summary>
public sealed class RoomSnapshots(IRoomStore rooms) : IDisposable
{
    /// <summary>Rooms kept at most (a few hundred bytes each); the least recently used go first.</summary>
    public const int Capacity = 10_000;

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The room as this instance last wrote or read it, else as stored now; null when there is none.</summary>
    public async Task<Room?> GetAsync(string roomId, CancellationToken cancellationToken) =>
        _cache.TryGetValue(roomId, out Room? room) ? room : await ReadAsync(roomId, cancellationToken);

    /// <summary>The room as stored now.</summary>
    public async Task<Room?> ReadAsync(string roomId, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(roomId, cancellationToken);
        if (room is null) Forget(roomId);
        return Remember(room);
    }

    /// <summary>Keeps the room as a write just left it (with its new ETag); returns it.</summary>
    public Room? Remember(Room? room)
    {
        if (room?.ETag is null) return room;
        // Two appends finishing out of order must not leave the older room behind (it would cost a failed transaction).
        if (!_cache.TryGetValue(room.RoomId, out Room? kept) || kept!.NextSeq <= room.NextSeq) _cache.Set(room.RoomId, room, Entry);
        return room;
    }

    public void Forget(string roomId) => _cache.Remove(roomId);

    public void Dispose() => _cache.Dispose();
}
