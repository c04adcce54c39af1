using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Livechat.Core.Agents;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Routing;

/// <summary>
/// Tells each visitor waiting in a department's queue their place and a rough wait, after anything that moves the
/// queue (a room queued, claimed, assigned, ended). The estimate is deliberately simple and documented: a visitor at
/// position N with K agents online waits about ceil(N / K) times <see cref="RoutingOptions.SecondsPerQueuedChat"/>.
/// </summary>
public sealed class QueuePositions(IAgentQueue queue, IRoomStore rooms, AgentRoster roster, ChatEventPublisher events, IOptions<RoutingOptions> options)
{
    /// <summary>Visitors told per change: those further back hear it once they move up.</summary>
    public const int MaxTold = 200;

    /// <summary>Per department: 0 idle, 1 telling, more: asked again meanwhile.</summary>
    private readonly ConcurrentDictionary<string, StrongBox<int>> _asked = new(StringComparer.Ordinal);

    /// <summary>
    /// Tells the department's waiting visitors their places. Calls that come while this instance is already telling
    /// the same department fold into one more round after it (which reads the queue afresh), so a burst of queue
    /// changes costs two rounds, not one round each: every round reads up to <see cref="MaxTold"/> rooms and sends as
    /// many events, and the last state is always told.
    /// </summary>
    public async Task PublishAsync(string department, CancellationToken cancellationToken)
    {
        var asked = _asked.GetOrAdd(department, _ => new StrongBox<int>());
        if (Interlocked.Increment(ref asked.Value) > 1) return;
        try
        {
            while (true)
            {
                var before = Volatile.Read(ref asked.Value);
                await TellAsync(department, cancellationToken);
                if (Interlocked.CompareExchange(ref asked.Value, 0, before) == before) return;
                Interlocked.Exchange(ref asked.Value, 1);
            }
        }
        catch
        {
            Interlocked.Exchange(ref asked.Value, 0);
            throw;
        }
    }

    private async Task TellAsync(string department, CancellationToken cancellationToken)
    {
        var entries = (await queue.ListWaitingAsync(department, cancellationToken)).Take(MaxTold).ToList();
        if (entries.Count == 0) return;
        var loaded = await Task.WhenAll(entries.Select(e => rooms.GetAsync(e.RoomId, cancellationToken)));
        var waiting = loaded.Where(r => r?.WaitsIn(department) == true).Select(r => r!).ToList();
        if (waiting.Count == 0) return;
        var online = await OnlineAsync(department, cancellationToken);
        for (var i = 0; i < waiting.Count; i++)
        {
            var position = i + 1;
            await events.PublishAsync(new ChatEvent.QueuePositionChanged(waiting[i], position, EstimateSeconds(position, online)), cancellationToken);
        }
    }

    /// <summary>
    /// The room's place and wait now, counted as <see cref="PublishAsync"/> counts them, for a transcript read (a
    /// reloaded or woken widget shows it at once); null when the room is not in its department's queue.
    /// </summary>
    public async Task<QueuePositionEvent?> OfAsync(Room room, CancellationToken cancellationToken)
    {
        if (room is not { Status: RoomStatus.Waiting, Department: { } department }) return null;
        var entries = (await queue.ListWaitingAsync(department, cancellationToken)).ToList();
        var index = entries.FindIndex(e => e.RoomId == room.RoomId);
        if (index < 0) return null;
        var ahead = await Task.WhenAll(entries.Take(index).Select(e => rooms.GetAsync(e.RoomId, cancellationToken)));
        var position = 1 + ahead.Count(r => r?.WaitsIn(department) == true);
        return new QueuePositionEvent(room.RoomId, position, EstimateSeconds(position, await OnlineAsync(department, cancellationToken)));
    }

    public int EstimateSeconds(int position, int agentsOnline) =>
        (int)Math.Ceiling((double)position / Math.Max(1, agentsOnline)) * (int)options.Value.SecondsPerQueuedChat.TotalSeconds;

    private async Task<int> OnlineAsync(string department, CancellationToken cancellationToken) =>
        (await roster.PresenceAsync(department, cancellationToken)).Count(c => c.Presence == PresenceStatus.Online);
}
