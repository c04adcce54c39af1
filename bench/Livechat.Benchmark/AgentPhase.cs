using System.Collections.Concurrent;
using System.Diagnostics;

namespace Livechat.Benchmark;

/// <summary>
/// The agent phase: N rooms handed to agents, so the live path is HTTP and SignalR with no orchestration on it;
/// visitor and agent talk at a set pace, and each message is measured until the other side hears it.
/// </summary>
internal sealed class AgentPhase(MeasuredApi api, BotRoomSteps botRoom, TimeSpan replyTimeout)
{
    /// <summary>
    /// Setup (recorded, but not the measured load): each room is opened, greeted, transferred with the admin API and
    /// claimed, <paramref name="setupConcurrency"/> rooms at a time. Then the measured load: each room, from a random
    /// offset within the first interval, sends K visitor messages one <paramref name="interval"/> apart (N ÷ interval
    /// messages a second overall); each is measured until the agent's connection hears it, and the agent answers
    /// (measured until the visitor's connection hears it). Then the agent closes the rooms (teardown, bounded the same way).
    /// </summary>
    public async Task<PhaseMetrics> RunAsync(int rooms, int exchanges, TimeSpan interval, int setupConcurrency, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = rooms, Visitors = rooms, PaceInterval = interval, SetupConcurrency = setupConcurrency };
        var clock = Stopwatch.StartNew();
        var agentCount = Math.Max(1, (rooms + 24) / 25);
        var agents = new List<Agent>();
        var inboxes = new ConcurrentBag<EventInbox>();
        try
        {
            for (var j = 0; j < agentCount; j++)
            {
                var department = $"bench{j}";
                var issued = await api.CallAsync(metrics, "issueAgentToken", HttpMethod.Post, "api/v1/admin/agents/token", null,
                    new { agentId = $"agent{j}", name = $"Agent {j}", departments = new[] { department } }, cancellationToken, admin: true);
                var token = issued.GetProperty("token").GetString()!;
                agents.Add(new Agent(token, department, await api.ConnectAsync(metrics, "api/v1/agent/negotiate", token, cancellationToken)));
            }

            var ready = await PhaseSteps.BoundedAsync(rooms, setupConcurrency, async i =>
            {
                var agent = agents[i % agentCount];
                var session = await api.CallAsync(metrics, "createSession", HttpMethod.Post, "api/v1/sessions", null, new { }, cancellationToken);
                var token = session.GetProperty("token").GetString()!;
                var inbox = await api.ConnectAsync(metrics, "api/v1/negotiate", token, cancellationToken);
                inboxes.Add(inbox);
                var room = await botRoom.OpenAsync(metrics, i, token, inbox, null, cancellationToken);
                await api.CallAsync(metrics, "transfer (admin)", HttpMethod.Post, $"api/v1/admin/rooms/{room.RoomId}/transfer", null, new { department = agent.Department }, cancellationToken, admin: true);
                await api.CallAsync(metrics, "claim (agent)", HttpMethod.Post, $"api/v1/agent/rooms/{room.RoomId}/claim", agent.Token, null, cancellationToken);
                _ = await inbox.WaitAsync(e => e.Name == "agentJoined" && e.Str("roomId") == room.RoomId, replyTimeout, cancellationToken)
                    ?? throw ConversationAborted.Lost(metrics, $"agentJoined of {room.RoomId}");
                return (Room: room, Agent: agent);
            }, metrics, "agent room", cancellationToken);
            metrics.SetupElapsed = clock.Elapsed;
            metrics.ReadyRooms = ready.Count;

            // The measured load: one visitor message per room per interval, rooms starting at random offsets.
            var random = new Random(rooms);
            var offsets = ready.Select(_ => interval * random.NextDouble()).ToList();
            var paced = Stopwatch.StartNew();
            var done = await Task.WhenAll(ready.Select((r, k) => Task.Run(() => PacedExchangesAsync(metrics, r.Room, r.Agent, exchanges, interval, offsets[k], paced, cancellationToken))));
            metrics.MeasuredElapsed = paced.Elapsed;

            var finished = ready.Where((_, k) => done[k]).ToList();
            await PhaseSteps.BoundedAsync(finished.Count, setupConcurrency, async k =>
            {
                var (room, agent) = finished[k];
                await api.CallAsync(metrics, "close (agent)", HttpMethod.Post, $"api/v1/agent/rooms/{room.RoomId}/close", agent.Token, null, cancellationToken);
                if (await room.Inbox.WaitAsync(ev => ev.Name == "chatEnded" && ev.Str("roomId") == room.RoomId, replyTimeout, cancellationToken) is null)
                    throw ConversationAborted.Lost(metrics, $"chatEnded of {room.RoomId}");
                metrics.Complete();
                return true;
            }, metrics, "agent close", cancellationToken);
        }
        catch (ConversationAborted)
        {
        }
        catch (Exception ex)
        {
            metrics.Error($"agents: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            foreach (var inbox in inboxes)
            {
                await metrics.HeardAndCloseAsync(inbox);
            }
            foreach (var agent in agents)
            {
                await metrics.HeardAndCloseAsync(agent.Inbox);
            }
        }
        metrics.Elapsed = clock.Elapsed;
        return metrics;
    }

    /// <summary>One room's paced exchanges: message e goes at offset + (e − 1) × interval from the paced start.</summary>
    private async Task<bool> PacedExchangesAsync(PhaseMetrics m, VisitorRoom room, Agent agent, int exchanges, TimeSpan interval, TimeSpan offset, Stopwatch paced, CancellationToken ct)
    {
        try
        {
            for (var e = 1; e <= exchanges; e++)
            {
                var wait = offset + interval * (e - 1) - paced.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    if (!await PhaseSteps.DelayAsync(wait, ct)) throw ConversationAborted.Lost(m, $"visitor message {e} in {room.RoomId}: the phase ended before its slot");
                }
                else if (wait < TimeSpan.FromMilliseconds(-100)) m.Late();

                // As the widget and the console do (issue 20): the typing signal before each message and a read mark
                // once the other side's message is shown; their calls count in the load, outside the timed paths.
                await api.CallAsync(m, "typing (visitor)", HttpMethod.Post, $"api/v1/rooms/{room.RoomId}/typing", room.Token, null, ct);
                var visitorMessageId = $"av{room.Index}-{e}";
                var sent = Stopwatch.GetTimestamp();
                await api.CallAsync(m, "sendMessage (to agent)", HttpMethod.Post, $"api/v1/rooms/{room.RoomId}/messages", room.Token,
                    new { clientMessageId = visitorMessageId, text = $"Question {e} from visitor {room.Index}" }, ct);
                var heard = await agent.Inbox.WaitAsync(ev => ev.Name == "message" && ev.Str("roomId") == room.RoomId && ev.Str("clientMessageId") == visitorMessageId, replyTimeout, ct)
                    ?? throw ConversationAborted.Lost(m, $"visitor message {e} to the agent in {room.RoomId}");
                m.Live(Scenario.VisitorToAgent).Add(Stopwatch.GetElapsedTime(sent, heard.ReceivedAt));
                await api.CallAsync(m, "read (agent)", HttpMethod.Post, $"api/v1/agent/rooms/{room.RoomId}/read", agent.Token, new { seq = heard.Seq }, ct);
                await api.CallAsync(m, "typing (agent)", HttpMethod.Post, $"api/v1/agent/rooms/{room.RoomId}/typing", agent.Token, null, ct);

                var agentMessageId = $"aa{room.Index}-{e}";
                var answered = Stopwatch.GetTimestamp();
                await api.CallAsync(m, "agent sendMessage", HttpMethod.Post, $"api/v1/agent/rooms/{room.RoomId}/messages", agent.Token,
                    new { clientMessageId = agentMessageId, text = $"Answer {e}" }, ct);
                var delivered = await room.Inbox.WaitAsync(ev => ev.Name == "message" && ev.Str("roomId") == room.RoomId && ev.Str("sender") == "agent" && ev.Str("text") == $"Answer {e}", replyTimeout, ct)
                    ?? throw ConversationAborted.Lost(m, $"agent answer {e} to the visitor in {room.RoomId}");
                m.Live(Scenario.AgentToVisitor).Add(Stopwatch.GetElapsedTime(answered, delivered.ReceivedAt));
                await api.CallAsync(m, "read (visitor)", HttpMethod.Post, $"api/v1/rooms/{room.RoomId}/read", room.Token, new { seq = delivered.Seq }, ct);
            }
            return true;
        }
        catch (ConversationAborted)
        {
            return false;
        }
        catch (Exception ex)
        {
            m.Error($"agent room {room.Index}: {ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }
}
