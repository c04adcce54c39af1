using System.Diagnostics;

namespace Livechat.Benchmark;

/// <summary>
/// What a visitor does in a room the welcome recipe answers, as the widget does it: open the room and wait for the
/// greeting, click a menu button and wait for the bot's answer and the menu after it, close the room. Every wait
/// is bounded by <paramref name="replyTimeout"/>; an event that does not come in time is lost and ends the conversation.
/// </summary>
internal sealed class BotRoomSteps(MeasuredApi api, TimeSpan replyTimeout)
{
    /// <summary>Opens a room and waits for the welcome recipe's greeting (its menu).</summary>
    public async Task<VisitorRoom> OpenAsync(PhaseMetrics m, int i, string token, EventInbox inbox, string? greetingLabel, CancellationToken ct)
    {
        var opening = Stopwatch.GetTimestamp();
        var opened = await api.CallAsync(m, "openRoom", HttpMethod.Post, "api/v1/rooms", token, null, ct);
        var roomId = opened.GetProperty("roomId").GetString()!;
        m.RoomIds.Add(roomId);
        var menu = await inbox.WaitAsync(e => IsBot(e, roomId, "menu", 0), replyTimeout, ct)
            ?? throw ConversationAborted.Lost(m, $"greeting of {roomId}");
        if (greetingLabel is not null) m.Live(greetingLabel).Add(Stopwatch.GetElapsedTime(opening, menu.ReceivedAt));
        return new VisitorRoom(i, token, inbox, roomId);
    }

    /// <summary>One click on a menu button: measured until the bot's answer is heard; then waits for the menu that follows.</summary>
    public async Task ClickAsync(PhaseMetrics m, VisitorRoom room, int e, string label, CancellationToken ct)
    {
        var button = e % 2 == 1 ? "pricing" : "support";
        var sent = Stopwatch.GetTimestamp();
        var posted = await api.CallAsync(m, "sendMessage", HttpMethod.Post, $"api/v1/rooms/{room.RoomId}/messages", room.Token,
            new { clientMessageId = $"v{room.Index}-{e}", buttonId = button, text = button == "pricing" ? "Pricing" : "Support" }, ct);
        var seq = posted.GetProperty("message").GetProperty("seq").GetInt64();
        var reply = await room.Inbox.WaitAsync(ev => IsBot(ev, room.RoomId, button, seq), replyTimeout, ct)
            ?? throw ConversationAborted.Lost(m, $"bot reply {e} in {room.RoomId}");
        m.Live(label).Add(Stopwatch.GetElapsedTime(sent, reply.ReceivedAt));
        // The recipe shows its menu again; the next click waits for it, as a visitor would.
        _ = await room.Inbox.WaitAsync(ev => IsBot(ev, room.RoomId, "menu", reply.Seq), replyTimeout, ct)
            ?? throw ConversationAborted.Lost(m, $"menu after reply {e} in {room.RoomId}");
    }

    /// <summary>The visitor closes the room; done when its connection hears the chat end.</summary>
    public async Task CloseAsync(PhaseMetrics m, VisitorRoom room, CancellationToken ct)
    {
        await api.CallAsync(m, "closeRoom", HttpMethod.Post, $"api/v1/rooms/{room.RoomId}/close", room.Token, null, ct);
        if (await room.Inbox.WaitAsync(ev => ev.Name == "chatEnded" && ev.Str("roomId") == room.RoomId, replyTimeout, ct) is null)
            throw ConversationAborted.Lost(m, $"chatEnded of {room.RoomId}");
    }

    private static bool IsBot(ReceivedEvent e, string roomId, string blockId, long afterSeq) =>
        e.Name == "message" && e.Str("roomId") == roomId && e.Str("sender") == "bot" && e.Str("blockId") == blockId && e.Seq > afterSeq;
}
