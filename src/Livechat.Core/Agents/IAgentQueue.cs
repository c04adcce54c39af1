using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>
/// The rooms each department's agents can claim. An index only: the room's own status is the truth, so an entry
/// whose room is no longer waiting there is dropped when the queue is read.
/// </summary>
public interface IAgentQueue
{
    /// <summary>Adds the room to its department's queue; a room already queued keeps its place.</summary>
    Task EnqueueAsync(Room room, string? visitorName, DateTimeOffset enqueuedAt, CancellationToken cancellationToken);

    /// <summary>The department's queue, longest waiting first.</summary>
    Task<IReadOnlyList<QueuedRoom>> ListWaitingAsync(string department, CancellationToken cancellationToken);

    /// <summary>Takes the room off the department's queue; nothing happens when it is not there.</summary>
    Task RemoveAsync(string department, string roomId, CancellationToken cancellationToken);
}
