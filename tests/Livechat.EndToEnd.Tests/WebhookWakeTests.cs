using Livechat.EndToEnd.Tests.Support;
using System.Diagnostics;
using System.Net;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// An idle webhook pump backs off to its idle poll; the agent's routes wake it, so a receiver hears an agent's claim
/// and message within seconds, not at the pump's next poll. The idle poll is long here so that only a wake can do it.
/// </summary>
public sealed class WebhookWakeTests(WebhookWakeTests.SlowPolling fixture) : IClassFixture<WebhookWakeTests.SlowPolling>
{
    [Fact]
    public async Task AnAgentsClaimAndMessage_ReachAnIdlePumpsReceiver_WithinSeconds()
    {
        var server = fixture.Server;
        var (_, secret) = await WebhookSubscriptions.SubscribeAsync(server.BaseAddress, server.AdminKey, fixture.Receiver, "/wake", ["chat.assigned", "message.created"]);
        fixture.Receiver.Serve("/wake", secret);

        await using var visitor = await Visitor.CreateAsync(server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        await using var agent = await Agent.CreateAsync(server.BaseAddress, server.AdminKey, $"wake-{Guid.NewGuid():N}"[..16], "Wes", "sales");
        await agent.ConnectAsync();
        (await Agent.TransferAsync(server.BaseAddress, server.AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        Assert.True(await WaitAsync(() => fixture.Receiver.At("/wake").Any(d => d.RoomId == roomId), 30), "the greeting was never delivered");

        // Nothing happens for a while: the pump backs off (1 s, 2 s, 4 s, 8 s, 16 s ...) toward its two-minute poll.
        await Task.Delay(TimeSpan.FromSeconds(18));

        var clock = Stopwatch.StartNew();
        (await agent.ClaimAsync(roomId)).EnsureSuccessStatusCode();
        Assert.True(await WaitAsync(() => fixture.Receiver.At("/wake").Any(d => d.RoomId == roomId && d.EventType == "chat.assigned"), 30), "chat.assigned never arrived");
        var assigned = clock.Elapsed;

        await Task.Delay(TimeSpan.FromSeconds(18));
        clock.Restart();
        Assert.Equal(HttpStatusCode.Accepted, (await agent.SendAsync(roomId, "a-1", "Hi, Wes here.")).StatusCode);
        Assert.True(await WaitAsync(() => fixture.Receiver.At("/wake").Any(d => d.RoomId == roomId && d.EventType == "message.created"
            && d.Body.GetProperty("data").GetProperty("message").GetProperty("text").GetString() == "Hi, Wes here."), 60), "the agent's message never arrived");
        var sent = clock.Elapsed;

        Assert.True(assigned < TimeSpan.FromSeconds(6), $"chat.assigned took {assigned.TotalSeconds:F1} s");
        Assert.True(sent < TimeSpan.FromSeconds(6), $"the agent's message.created took {sent.TotalSeconds:F1} s");
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }

    public sealed class SlowPolling : HostFixture
    {
        public EventWebhookReceiver Receiver { get; } = new();

        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["WebhookEvents__IdlePollInterval"] = "00:02:00",
            ["WebhookEvents__SettleTime"] = "00:00:00.500",
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Receiver.Dispose();
        }
    }
}
