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

    public async Task PublishAsync(string department, CancellationToken cancellationToken)
    {
        var entries = (await queue.ListWaitingAsync(department, cancellationToken)).Take(MaxTold).ToList();
        if (entries.Count == 0) return;
        var loaded = await Task.WhenAll(entries.Select(e => rooms.GetAsync(e.RoomId, cancellationToken)));
        var waiting = loaded.Where(r => r is { Status: RoomStatus.Waiting } && r.Department == department).Select(r => r!).ToList();
        if (waiting.Count == 0) return;
        var online = (await roster.ForDepartmentAsync(department, cancellationToken)).Count(c => c.Presence == PresenceStatus.Online);
        for (var i = 0; i < waiting.Count; i++)
        {
            var position = i + 1;
            await events.PublishAsync(new ChatEvent.QueuePositionChanged(waiting[i], position, EstimateSeconds(position, online)), cancellationToken);
        }
    }

    public int EstimateSeconds(int position, int agentsOnline) =>
        (int)Math.Ceiling((double)position / Math.Max(1, agentsOnline)) * (int)options.Value.SecondsPerQueuedChat.TotalSeconds;
}
