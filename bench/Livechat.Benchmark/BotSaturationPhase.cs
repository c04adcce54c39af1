using System.Collections.Concurrent;
using System.Diagnostics;

namespace Livechat.Benchmark;

/// <summary>
/// The bot at saturation, comparable with the saturated orchestration echo: every room clicks at once, in a closed
/// loop, so the replies per second are the most the bot's path gives.
/// </summary>
internal sealed class BotSaturationPhase(MeasuredApi api, BotRoomSteps botRoom)
{
    /// <summary>
    /// S rooms are opened and greeted first (setup, <paramref name="setupConcurrency"/> at a time, not measured);
    /// then all rooms at once click a button and wait for the reply and the menu that follows, M times each (a
    /// closed loop); then the rooms are closed. Bot replies per second = replies heard ÷ the wall time of that loop.
    /// </summary>
    public async Task<PhaseMetrics> RunAsync(int rooms, int clicks, int setupConcurrency, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = rooms, Visitors = rooms, SetupConcurrency = setupConcurrency };
        var clock = Stopwatch.StartNew();
        var inboxes = new ConcurrentBag<EventInbox>();
        try
        {
            var ready = await PhaseSteps.BoundedAsync(rooms, setupConcurrency, async i =>
            {
                var session = await api.CallAsync(metrics, "createSession", HttpMethod.Post, "api/v1/sessions", null, new { }, cancellationToken);
                var token = session.GetProperty("token").GetString()!;
                var inbox = await api.ConnectAsync(metrics, "api/v1/negotiate", token, cancellationToken);
                inboxes.Add(inbox);
                return await botRoom.OpenAsync(metrics, 100_000 + i, token, inbox, "greeting (setup)", cancellationToken);
            }, metrics, "saturation room", cancellationToken);
            metrics.SetupElapsed = clock.Elapsed;
            metrics.ReadyRooms = ready.Count;

            var loop = Stopwatch.StartNew();
            var done = await Task.WhenAll(ready.Select(room => Task.Run(async () =>
            {
                try
                {
                    for (var e = 1; e <= clicks; e++) await botRoom.ClickAsync(metrics, room, e, Scenario.SaturatedReply, cancellationToken);
                    return true;
                }
                catch (ConversationAborted) { return false; }
                catch (Exception ex) { metrics.Error($"saturation room {room.Index}: {ex.GetType().Name}: {ex.Message}"); return false; }
            })));
            metrics.MeasuredElapsed = loop.Elapsed;

            // Teardown: close the rooms that finished, bounded like the setup.
            var finished = ready.Where((_, k) => done[k]).ToList();
            await PhaseSteps.BoundedAsync(finished.Count, setupConcurrency, async k =>
            {
                await botRoom.CloseAsync(metrics, finished[k], cancellationToken);
                metrics.Complete();
                return true;
            }, metrics, "saturation close", cancellationToken);
        }
        catch (Exception ex)
        {
            metrics.Error($"saturation: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            foreach (var inbox in inboxes)
            {
                await metrics.HeardAndCloseAsync(inbox);
            }
        }
        metrics.Elapsed = clock.Elapsed;
        return metrics;
    }
}
