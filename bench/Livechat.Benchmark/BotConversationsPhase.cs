using System.Diagnostics;

namespace Livechat.Benchmark;

/// <summary>
/// The bot phase: N visitors, each through a whole conversation with the welcome recipe, as the widget drives it;
/// also the history phase's single long conversation.
/// </summary>
internal sealed class BotConversationsPhase(MeasuredApi api, BotRoomSteps botRoom)
{
    /// <summary>
    /// N visitors: session, realtime connection, setUserParams, setCustomField (user and room scope), open a room, K
    /// clicks on the welcome recipe's buttons (each waiting for the bot's answer over SignalR), close. The visitors'
    /// starts are spread evenly over <paramref name="arrivalWindow"/> (zero: all at once); each visitor runs
    /// <paramref name="repeats"/> conversations one after the other (so N = 1 has enough samples for percentiles).
    /// </summary>
    public async Task<PhaseMetrics> RunAsync(int visitors, int exchanges, TimeSpan arrivalWindow, int repeats, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = visitors * repeats, Visitors = visitors, Repeats = repeats, ArrivalWindow = arrivalWindow };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, visitors).Select(i => Task.Run(async () =>
        {
            var arrival = arrivalWindow * i / visitors - clock.Elapsed;
            if (arrival > TimeSpan.Zero && !await PhaseSteps.DelayAsync(arrival, cancellationToken))
            {
                metrics.Error($"visitor {i}: the phase ended before its arrival");
                return;
            }
            for (var r = 0; r < repeats; r++)
            {
                // One visitor does not open a new chat the instant the last one closed: without the pause, each
                // conversation's first calls would meet the previous one's closing work, and N = 1 would not be one.
                if (r > 0 && !await PhaseSteps.DelayAsync(Scenario.RepeatPause, cancellationToken)) return;
                await ConversationAsync(i * repeats + r, exchanges, metrics, null, cancellationToken);
            }
        })));
        metrics.Elapsed = clock.Elapsed;
        metrics.MeasuredElapsed = clock.Elapsed;
        return metrics;
    }

    /// <summary>
    /// One bot conversation with K clicks, as in the bot phase, calling <paramref name="afterExchange"/> (room id,
    /// exchange) after each reply and menu arrived; for the history phase, which may go to K = 1,000.
    /// </summary>
    public async Task<PhaseMetrics> RunLongConversationAsync(int index, int exchanges, Func<string, int, CancellationToken, Task> afterExchange, CancellationToken cancellationToken)
    {
        var metrics = new PhaseMetrics { Conversations = 1, Visitors = 1 };
        var clock = Stopwatch.StartNew();
        await ConversationAsync(index, exchanges, metrics, afterExchange, cancellationToken);
        metrics.Elapsed = metrics.MeasuredElapsed = clock.Elapsed;
        return metrics;
    }

    private async Task ConversationAsync(int i, int exchanges, PhaseMetrics m, Func<string, int, CancellationToken, Task>? afterExchange, CancellationToken ct)
    {
        EventInbox? inbox = null;
        try
        {
            var session = await api.CallAsync(m, "createSession", HttpMethod.Post, "api/v1/sessions", null, new { }, ct);
            var token = session.GetProperty("token").GetString()!;
            inbox = await api.ConnectAsync(m, "api/v1/negotiate", token, ct);
            await api.CallAsync(m, "setUserParams", HttpMethod.Put, "api/v1/session/params", token, new { name = $"Visitor {i}", email = $"visitor{i}@example.com" }, ct);
            await api.CallAsync(m, "setCustomField(user)", HttpMethod.Put, "api/v1/session/fields/plan", token, new { value = "pro" }, ct);
            await api.CallAsync(m, "setCustomField(room)", HttpMethod.Put, "api/v1/session/fields/orderId", token, new { value = $"order-{i}", scope = "room" }, ct);

            var room = await botRoom.OpenAsync(m, i, token, inbox, "greeting (openRoom → menu)", ct);
            for (var e = 1; e <= exchanges; e++)
            {
                await botRoom.ClickAsync(m, room, e, Scenario.BotReply, ct);
                if (afterExchange is not null) await afterExchange(room.RoomId, e, ct);
            }
            await botRoom.CloseAsync(m, room, ct);
            m.Complete();
        }
        catch (ConversationAborted)
        {
        }
        catch (Exception ex)
        {
            m.Error($"visitor {i}: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            if (inbox is not null)
            {
                await m.HeardAndCloseAsync(inbox);
            }
        }
    }
}
