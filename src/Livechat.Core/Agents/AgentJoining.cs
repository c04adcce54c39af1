using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Languages;
using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>
/// What the room hears when an agent takes it, by a claim (manual or automatic) or a hand-over: "… joined the chat"
/// in the room's language, then agentJoined. The line's idempotency key makes a retried claim or hand-over write it once.
/// </summary>
public static class AgentJoining
{
    /// <summary>The room after the line, or the refusal when the room ended in between (the visitor left).</summary>
    public static async Task<Outcome<Room>> AnnounceAsync(IRoomStore rooms, ChatEventPublisher events, TimeProvider time,
        Room room, AgentIdentity agent, string idempotencyKey, CancellationToken cancellationToken)
    {
        var line = SystemLines.For(room.Language).Joined(agent.Name);
        var outcome = await rooms.AppendAsync(room, new NewMessage(Sender.System, line, idempotencyKey, AgentId: agent.AgentId),
            time.GetUtcNow(), cancellationToken);
        if (outcome.Status != AppendStatus.Appended) return outcome.Refusal();
        var joined = outcome.Result.Room ?? room;
        await events.PublishAsync(new ChatEvent.MessageAdded(joined, outcome.Result.Message), cancellationToken);
        await events.PublishAsync(new ChatEvent.AgentJoined(joined, agent.Name), cancellationToken);
        return joined;
    }
}
