using Azure.Data.Tables;
using Livechat.EndToEnd.Tests.Support;
using System.Diagnostics;
using System.Net;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// Idle rooms end by who holds them: the bot's inactivity timeout for a room the bot holds, the agents' (longer) one for
/// a room waiting for or held by an agent. The idle sweep decides, not a timer in the room's orchestration, so a turn
/// costs the orchestration no durable timer.
/// </summary>
public sealed class BotClockTests(BotClockTests.ShortTimeout fixture) : IClassFixture<BotClockTests.ShortTimeout>
{
    private Uri Base => fixture.Server.BaseAddress;

    [Fact]
    public async Task RoomTransferredToAnAgent_OutlivesTheBotsTimeout_ThenEndsAfterTheAgentsTimeout()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var tab = await visitor.ConnectTabAsync();
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        await using var ann = await Agent.CreateAsync(Base, ShortTimeout.AdminKey, $"ann-{Guid.NewGuid():N}"[..16], "Ann", "sales");
        await ann.ConnectAsync();
        (await Agent.TransferAsync(Base, ShortTimeout.AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        (await ann.ClaimAsync(roomId)).EnsureSuccessStatusCode();

        await Task.Delay(ShortTimeout.Inactivity + TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Accepted, (await ann.SendAsync(roomId, "a-late", "Still with you.")).StatusCode);
        Assert.DoesNotContain(tab, e => e.Name == "chatEnded");
        var lastWrite = Stopwatch.StartNew();

        var ended = await WaitForEndAsync(tab, ShortTimeout.AgentInactivity + TimeSpan.FromSeconds(20));
        Assert.Equal("inactivity", ended.GetProperty("reason").GetString());
        Assert.True(lastWrite.Elapsed >= ShortTimeout.AgentInactivity - TimeSpan.FromSeconds(1), $"ended {lastWrite.Elapsed} after the agent's message");
    }

    [Fact]
    public async Task RoomTheBotHolds_EndsAfterTheInactivityTimeout_CountedFromTheLastMessage()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var tab = await visitor.ConnectTabAsync();
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        await Task.Delay(ShortTimeout.Inactivity / 2);
        (await visitor.PostAsync(roomId, new { clientMessageId = "late-click", buttonId = "support", text = "Support" })).EnsureSuccessStatusCode();
        await visitor.WaitForMessagesAsync(roomId, 5);
        var lastWrite = Stopwatch.StartNew();

        var ended = await WaitForEndAsync(tab, ShortTimeout.Inactivity + TimeSpan.FromSeconds(20));
        Assert.Equal("inactivity", ended.GetProperty("reason").GetString());
        Assert.True(lastWrite.Elapsed >= ShortTimeout.Inactivity - TimeSpan.FromSeconds(1), $"ended {lastWrite.Elapsed} after the last message");
        var closed = await visitor.PostAsync(roomId, new { clientMessageId = "after-end", text = "Hello?" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
    }

    [Fact]
    public async Task BotTurns_CreateNoDurableTimer()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        const int turns = 6;
        for (var i = 1; i <= turns; i++)
        {
            (await visitor.PostAsync(roomId, new { clientMessageId = $"click-{i}", buttonId = "support", text = "Support" })).EnsureSuccessStatusCode();
            await visitor.WaitForMessagesAsync(roomId, 2 + 3 * i);
        }

        // The room's history in the task hub: before, every wait raced a 30-minute timer, and each cancelled timer
        // still fired later as a queue message and an episode of its own.
        var history = new TableClient(fixture.Server.StorageConnectionString, fixture.Server.TaskHubName + "History");
        var events = new List<string>();
        await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == roomId))
            if (row.GetString("EventType") is { } type) events.Add(type);
        Assert.Contains("EventRaised", events);
        // The first click started the orchestration (the greeting went out when the room opened); each later one is a signal.
        Assert.Equal(turns - 1, events.Count(e => e == "EventRaised"));
        Assert.DoesNotContain("TimerCreated", events);
    }

    private static async Task<System.Text.Json.JsonElement> WaitForEndAsync(IEnumerable<(string Name, System.Text.Json.JsonElement Payload)> tab, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (tab.FirstOrDefault(e => e.Name == "chatEnded") is { Name: not null } ended) return ended.Payload;
            await Task.Delay(200);
        }
        throw new TimeoutException($"No chatEnded within {timeout}.");
    }

    public sealed class ShortTimeout : HostFixture
    {
        public const string AdminKey = "bot-clock-tests-admin-key-0123456789-abcdefgh";
        public static readonly TimeSpan Inactivity = TimeSpan.FromSeconds(8);
        public static readonly TimeSpan AgentInactivity = TimeSpan.FromSeconds(16);

        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Admin__ApiKey"] = AdminKey,
            ["Rooms__InactivityTimeout"] = Inactivity.ToString(),
            ["Rooms__AgentInactivityTimeout"] = AgentInactivity.ToString(),
            ["Rooms__IdleSweepInterval"] = "00:00:02",
        };
    }
}
