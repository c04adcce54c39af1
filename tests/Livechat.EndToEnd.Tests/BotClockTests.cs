using System.Net;
using Livechat.EndToEnd.Tests.Support;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The bot's inactivity clock ends a room the bot holds, never one an agent has taken over meanwhile (an admin
/// transfer happens outside the flow, which keeps waiting with its timer).
/// </summary>
public sealed class BotClockTests(BotClockTests.ShortTimeout fixture) : IClassFixture<BotClockTests.ShortTimeout>
{
    private Uri Base => fixture.Server.BaseAddress;

    [Fact]
    public async Task RoomTransferredToAnAgent_OutlivesTheBotsInactivityTimeout()
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
    }

    [Fact]
    public async Task RoomTheBotHolds_EndsAfterTheInactivityTimeout()
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var tab = await visitor.ConnectTabAsync();
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        var deadline = DateTime.UtcNow + ShortTimeout.Inactivity + TimeSpan.FromSeconds(20);
        while (!tab.Any(e => e.Name == "chatEnded") && DateTime.UtcNow < deadline) await Task.Delay(200);

        var ended = Assert.Single(tab, e => e.Name == "chatEnded");
        Assert.Equal("inactivity", ended.Payload.GetProperty("reason").GetString());
    }

    public sealed class ShortTimeout : HostFixture
    {
        public const string AdminKey = "bot-clock-tests-admin-key-0123456789-abcdefgh";
        public static readonly TimeSpan Inactivity = TimeSpan.FromSeconds(8);

        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Admin__ApiKey"] = AdminKey,
            ["Rooms__InactivityTimeout"] = Inactivity.ToString(),
        };
    }
}
