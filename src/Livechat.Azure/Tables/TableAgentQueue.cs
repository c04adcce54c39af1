using Azure;
using Livechat.Core.Agents;
using Livechat.Core.Rooms;

namespace Livechat.Azure.Tables;

/// <summary>
/// Department queues in Table Storage, one partition per department: listing a queue is one partition query.
/// An insert that finds the room already queued keeps the first entry, so a retried transfer keeps its place.
/// </summary>
public sealed class TableAgentQueue(LivechatTables tables) : IAgentQueue
{
    private const int MaxListed = 1000;

    public async Task EnqueueAsync(Room room, string? visitorName, DateTimeOffset enqueuedAt, CancellationToken cancellationToken)
    {
        var department = room.Department ?? throw new ArgumentException("Only a room with a department can be queued.", nameof(room));
        try
        {
            await tables.AgentQueues.AddEntityAsync(new AgentQueueEntity
            {
                PartitionKey = department,
                RowKey = room.RoomId,
                VisitorName = visitorName,
                UserId = room.UserId,
                UserVerified = room.UserVerified,
                EnqueuedAt = enqueuedAt,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == TableStatus.Conflict)
        {
        }
    }

    public async Task<IReadOnlyList<QueuedRoom>> ListWaitingAsync(string department, CancellationToken cancellationToken)
    {
        var rooms = new List<QueuedRoom>();
        await foreach (var e in tables.AgentQueues.QueryAsync<AgentQueueEntity>(e => e.PartitionKey == department, cancellationToken: cancellationToken))
        {
            rooms.Add(new QueuedRoom(e.RowKey, e.PartitionKey, e.VisitorName, e.EnqueuedAt, e.UserId, e.UserVerified));
            if (rooms.Count >= MaxListed) break;
        }
        return rooms.OrderBy(r => r.EnqueuedAt).ThenBy(r => r.RoomId, StringComparer.Ordinal).ToList();
    }

    // The SDK answers a delete of a missing entity with its 404 response instead of throwing.
    public async Task RemoveAsync(string department, string roomId, CancellationToken cancellationToken) =>
        await tables.AgentQueues.DeleteEntityAsync(department, roomId, ETag.All, cancellationToken);
}
