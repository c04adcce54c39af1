using Livechat.Core.Common;
using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>
/// A department's queue for one of its agents. Each entry is checked against its room, the source of truth, and
/// entries of rooms no longer waiting there (claimed, closed, moved) are dropped from the queue for good.
/// </summary>
public sealed class ListQueueHandler(IAgentQueue queue, IRoomStore rooms)
{
    public async Task<Outcome<AgentQueueView>> HandleAsync(AgentIdentity agent, string? department, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(department, 64)) return Problem.Invalid("department", "Required: 1 to 64 letters, digits, '-', '_' or '.'.");
        if (!agent.Serves(department)) return Problem.ForbiddenField("department", "Not one of your departments.");

        var entries = await queue.ListWaitingAsync(department!, cancellationToken);
        var checks = await Task.WhenAll(entries.Select(async entry =>
        {
            var room = await rooms.GetAsync(entry.RoomId, cancellationToken);
            var current = room?.WaitsIn(department) == true;
            if (!current) await queue.RemoveAsync(department!, entry.RoomId, cancellationToken);
            return (entry, current);
        }));
        return new AgentQueueView(department!, checks.Where(c => c.current).Select(c => c.entry).ToList());
    }
}
