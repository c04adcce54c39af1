using Livechat.EndToEnd.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// Chat-event webhooks on the real host: a receiver on loopback (local development allows it) gets each chat's
/// events signed, in seq order, retried with the same id after a 500, dead-lettered after the last try, resent, and
/// replayed from a cursor. Tries and backoff are shortened so the retries take seconds.
/// </summary>
public sealed class EventWebhookTests(EventWebhookTests.Receiving fixture) : IClassFixture<EventWebhookTests.Receiving>
{
    private Uri Base => fixture.Server.BaseAddress;
    private string AdminKey => fixture.Server.AdminKey;

    [Fact]
    public async Task AChat_IsDeliveredSigned_InSeqOrder_EachEventRetriedAfterA500WithTheSameId()
    {
        // This receiver fails the first try of every event: each must come again, with the same id and body.
        var (id, secret) = await SubscribeAsync("/flaky", ["chat.started", "message.created", "chat.transferred", "chat.assigned", "chat.ended", "user.identified"]);
        fixture.Receiver.Serve("/flaky", secret, d => d.Try == 1 ? 500 : 200);

        await using var visitor = await Visitor.CreateAsync(Base);
        var userId = $"user-{Guid.NewGuid():N}";
        (await visitor.Http.PutAsJsonAsync("api/v1/session/user", new { userId })).EnsureSuccessStatusCode();
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsync(roomId, new { clientMessageId = "c-1", text = "Hello there" })).StatusCode);
        await using var agent = await Agent.CreateAsync(Base, AdminKey, $"ann-{Guid.NewGuid():N}"[..16], "Ann", "sales");
        await agent.ConnectAsync();
        (await Agent.TransferAsync(Base, AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        (await agent.ClaimAsync(roomId)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await agent.SendAsync(roomId, "a-1", "Hi, Ann here.")).StatusCode);
        (await agent.CloseAsync(roomId)).EnsureSuccessStatusCode();

        // A dozen events, each failed once and retried after a second: this takes a while.
        var ended = await WaitAsync(() => Task.FromResult(fixture.Receiver.At("/flaky").Any(d => d.RoomId == roomId && d.EventType == "chat.ended" && d.Status == 200)), 180);
        Assert.True(ended, "chat.ended never arrived");
        var transcript = await agent.MessagesAsync(roomId);
        var received = fixture.Receiver.At("/flaky").Where(d => d.RoomId == roomId || d.Body.GetProperty("data").TryGetProperty("userId", out var u) && u.GetString() == userId).ToList();

        Assert.All(received, d => Assert.True(d.SignatureVerified, $"signature of {d.EventId}"));
        Assert.All(received, d => Assert.Equal(d.EventId, d.Body.GetProperty("id").GetString()));
        // Each event came twice, the second try with the first one's id and body: a receiver deduplicates on the id.
        var byId = received.GroupBy(d => d.EventId).ToList();
        var tries = string.Join("; ", byId.Select(g => $"{g.First().EventType} {(g.First().Body.TryGetProperty("seq", out var q) ? q.ToString() : "-")}: {string.Join(",", g.Select(d => d.Status))}"));
        Assert.True(byId.All(g => g.Select(d => d.Status).SequenceEqual([500, 200])), tries);
        Assert.All(byId, g => Assert.Equal(g.First().Body.GetRawText(), g.Last().Body.GetRawText()));

        var accepted = received.Where(d => d.Status == 200 && d.RoomId == roomId).ToList();
        var seqs = accepted.Select(d => d.Body.GetProperty("seq").GetInt64()).ToList();
        Assert.True(seqs.Order().SequenceEqual(seqs), string.Join(", ", accepted.Select(d => $"{d.EventType} {d.Body.GetProperty("seq")}")));
        Assert.Equal("chat.started", accepted[0].EventType);
        Assert.Equal("chat.ended", accepted[^1].EventType);
        Assert.Contains(accepted, d => d.EventType == "chat.transferred" && d.Body.GetProperty("data").GetProperty("department").GetString() == "sales");
        Assert.Contains(accepted, d => d.EventType == "chat.assigned" && d.Body.GetProperty("data").GetProperty("agentName").GetString() == "Ann");
        // Every line of the transcript (bot, visitor, system, agent) is a message.created, in seq order.
        var messages = accepted.Where(d => d.EventType == "message.created").Select(d => d.Body.GetProperty("data").GetProperty("message")).ToList();
        Assert.Equal(transcript.Select(m => m!["id"]!.GetValue<string>()), messages.Select(m => m.GetProperty("id").GetString()));
        Assert.Contains(messages, m => m.GetProperty("sender").GetString() == "visitor" && m.GetProperty("text").GetString() == "Hello there");
        Assert.Contains(messages, m => m.GetProperty("sender").GetString() == "agent" && m.GetProperty("text").GetString() == "Hi, Ann here.");
        Assert.Contains(received, d => d.EventType == "user.identified" && d.Status == 200);
        await UnsubscribeAsync(id);
    }

    [Fact]
    public async Task AnEventRefusedOnEveryTry_IsDeadLettered_ThenResentWithItsId()
    {
        var down = true;
        var (id, secret) = await SubscribeAsync("/down", ["chat.started"]);
        fixture.Receiver.Serve("/down", secret, _ => down ? 500 : 200);

        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        using var admin = Agent.Admin(Base, AdminKey);
        JsonArray letters = [];
        Assert.True(await WaitAsync(async () =>
        {
            letters = (await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/webhooks/{id}/dead-letters"))!["items"]!.AsArray();
            return letters.Count > 0;
        }), "no dead letter");

        var letter = letters.Single()!;
        var eventId = letter["eventId"]!.GetValue<string>();
        Assert.Equal(roomId, letter["roomId"]!.GetValue<string>());
        Assert.Equal(Receiving.MaxAttempts, letter["attempts"]!.GetValue<int>());
        Assert.Equal(Receiving.MaxAttempts, fixture.Receiver.At("/down").Count(d => d.EventId == eventId));
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/webhooks/{id}"))!["deadLetters"]!.GetValue<int>());

        down = false;
        var resent = await (await admin.PostAsync($"api/v1/admin/webhooks/{id}/dead-letters/{eventId}/resend", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(resent!["delivered"]!.GetValue<bool>());
        var last = fixture.Receiver.At("/down").Last();
        Assert.Equal((eventId, 200, true), (last.EventId, last.Status, last.SignatureVerified));
        Assert.Empty((await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/webhooks/{id}/dead-letters"))!["items"]!.AsArray());
        await UnsubscribeAsync(id);
    }

    [Fact]
    public async Task AReceiverThatWasDown_PullsAndReplaysTheEventsAfterACursor()
    {
        var (id, secret) = await SubscribeAsync("/replay", ["message.created"]);
        fixture.Receiver.Serve("/replay", secret);
        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        foreach (var n in new[] { 1, 2, 3 }) await visitor.PostAsync(roomId, new { clientMessageId = $"c-{n}", text = $"Message {n}" });
        await visitor.WaitForMessagesAsync(roomId, 5);
        // Every line of the transcript delivered once, and nothing more coming (the bot has answered).
        var count = 0;
        Assert.True(await WaitAsync(async () =>
        {
            var before = fixture.Receiver.At("/replay").Count(d => d.RoomId == roomId);
            count = (await visitor.MessagesAsync(roomId)).Count;
            await Task.Delay(1500);
            return before == count && fixture.Receiver.At("/replay").Count(d => d.RoomId == roomId) == count;
        }), "the messages never arrived");
        var first = fixture.Receiver.At("/replay").Where(d => d.RoomId == roomId).Select(d => d.EventId).ToList();

        using var admin = Agent.Admin(Base, AdminKey);
        var page = await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/webhooks/{id}/events?after={first[0]}&limit=500");
        var pulled = page!["events"]!.AsArray().Where(e => e!["roomId"]!.GetValue<string>() == roomId).Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(first.Skip(1), pulled);

        var replay = await admin.PostAsJsonAsync($"api/v1/admin/webhooks/{id}/replay", new { after = first[0] });
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.True(await WaitAsync(() => fixture.Receiver.At("/replay").Count(d => d.RoomId == roomId) >= 2 * count - 1), "the replay never arrived");
        var replayed = fixture.Receiver.At("/replay").Where(d => d.RoomId == roomId).Skip(count).Select(d => d.EventId).ToList();
        Assert.Equal(first.Skip(1), replayed);
        await UnsubscribeAsync(id);
    }

    [Fact]
    public async Task TheAdminApi_RefusesBadInputNamingTheField_AndCallersWithoutTheKey()
    {
        using var admin = Agent.Admin(Base, AdminKey);
        await AssertInvalid(await admin.PostAsJsonAsync("api/v1/admin/webhooks", new { url = "ftp://example.com/x", events = new[] { "chat.started" } }), "url");
        await AssertInvalid(await admin.PostAsJsonAsync("api/v1/admin/webhooks", new { url = "https://example.com/x", events = new[] { "chat.exploded" } }), "events");
        await AssertInvalid(await admin.PostAsJsonAsync("api/v1/admin/webhooks", new { url = "https://example.com/x", events = Array.Empty<string>() }), "events");
        using var anonymous = new HttpClient { BaseAddress = Base };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v1/admin/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("api/v1/admin/webhooks", new { url = "https://example.com/x", events = new[] { "chat.started" } })).StatusCode);

        var (id, secret) = await SubscribeAsync("/admin", ["chat.ended"]);
        await AssertInvalid(await admin.GetAsync($"api/v1/admin/webhooks/{id}/events?after=not-an-id"), "after");
        await AssertInvalid(await admin.PostAsJsonAsync($"api/v1/admin/webhooks/{id}/replay", new { after = "x" }), "after");
        var listed = await admin.GetStringAsync("api/v1/admin/webhooks");
        Assert.Contains(id, listed);
        Assert.DoesNotContain(secret, listed);
        var rotated = await (await admin.PostAsync($"api/v1/admin/webhooks/{id}/secret", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        Assert.StartsWith("whsec_", rotated!["secret"]!.GetValue<string>());
        Assert.NotEqual(secret, rotated["secret"]!.GetValue<string>());
        await UnsubscribeAsync(id);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"api/v1/admin/webhooks/{id}")).StatusCode);
    }

    private Task<(string Id, string Secret)> SubscribeAsync(string path, string[] events) =>
        WebhookSubscriptions.SubscribeAsync(Base, AdminKey, fixture.Receiver, path, events);

    private async Task UnsubscribeAsync(string id)
    {
        using var admin = Agent.Admin(Base, AdminKey);
        (await admin.DeleteAsync($"api/v1/admin/webhooks/{id}")).EnsureSuccessStatusCode();
    }

    private static async Task AssertInvalid(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(problem!["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    private static Task<bool> WaitAsync(Func<bool> condition) => WaitAsync(() => Task.FromResult(condition()));

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(200);
        }
        return false;
    }

    public sealed class Receiving : HostFixture
    {
        public const int MaxAttempts = 3;

        public EventWebhookReceiver Receiver { get; } = new();

        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["WebhookEvents__MaxAttempts"] = MaxAttempts.ToString(),
            ["WebhookEvents__FirstRetryInterval"] = "00:00:01",
            ["WebhookEvents__MaxRetryInterval"] = "00:00:01",
            ["WebhookEvents__IdlePollInterval"] = "00:00:02",
            ["WebhookEvents__SettleTime"] = "00:00:00.500",
        };

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Receiver.Dispose();
        }
    }
}
