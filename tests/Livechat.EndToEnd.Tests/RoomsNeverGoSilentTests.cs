using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.EndToEnd.Tests.Support;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// Faults that once left a visitor without an answer, injected on the Functions host: SignalR going silent mid-chat
/// (blackholed, as a service in trouble looks), storage refusing a write past the SDK's retries, a webhook receiver answering with a loop or with megabytes, a long
/// pause after the flow continued as new. Every message is answered.
/// </summary>
public sealed class RoomsNeverGoSilentTests(RoomsNeverGoSilentTests.Stack fixture) : IClassFixture<RoomsNeverGoSilentTests.Stack>
{
    private FunctionsHost Server => fixture.Server;

    [Fact]
    public async Task SignalRSilentMidChat_EveryMessageIsStillAnswered_AndHeardLiveOnceItIsBack()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        await visitor.ConnectTabAsync();
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        fixture.SignalR.Blackhole();
        try
        {
            // The send answers without waiting out SignalR's retries (they took 40-70 s; the widget gives up at 20 s).
            var clock = Stopwatch.StartNew();
            (await visitor.PostAsync(roomId, new { clientMessageId = "silent-1", buttonId = "pricing", text = "Pricing" })).EnsureSuccessStatusCode();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the send took {clock.Elapsed}");
            await visitor.WaitForMessagesAsync(roomId, 5);
            // And the room is not dead after a turn whose fan-out failed: the next message is answered too.
            (await visitor.PostAsync(roomId, new { clientMessageId = "silent-2", buttonId = "support", text = "Support" })).EnsureSuccessStatusCode();
            await visitor.WaitForMessagesAsync(roomId, 8, timeoutSeconds: 45);
        }
        finally
        {
            fixture.SignalR.Heal();
        }

        // Back: a reconnected tab hears the next answer live.
        var tab = await visitor.ConnectTabAsync();
        (await visitor.PostAsync(roomId, new { clientMessageId = "back-1", buttonId = "pricing", text = "Pricing" })).EnsureSuccessStatusCode();
        var messages = await visitor.WaitForMessagesAsync(roomId, 11);
        await Eventually(() => tab.Any(e => e.Name == "message" && e.Payload.GetProperty("seq").GetInt64() == 11));
        Assert.Equal(Enumerable.Range(1, 11).Select(n => (long)n), messages.Select(m => m!["seq"]!.GetValue<long>()));
        Assert.Equal(3, messages.Count(m => m!["sender"]!.GetValue<string>() == "visitor"));
    }

    [Fact]
    public async Task StorageRefusingTheBotsWrite_PastTheSdksRetries_TheTurnIsRetriedAndAnsweredOnce()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        var failedBefore = fixture.Tables.Failed;

        // The reply's transcript write (turn 2) answered 503 ten times: the SDK gives up after four tries, so the
        // activity fails twice and its durable retry stores the reply on the third attempt.
        fixture.Tables.FailNext(10, (request, body) => request.StartsWith("POST ", StringComparison.Ordinal) && request.Contains("$batch", StringComparison.Ordinal)
            && body.Contains(roomId, StringComparison.Ordinal) && body.Contains("bot-2-", StringComparison.Ordinal));
        (await visitor.PostAsync(roomId, new { clientMessageId = "busy-1", buttonId = "pricing", text = "Pricing" })).EnsureSuccessStatusCode();

        var messages = await visitor.WaitForMessagesAsync(roomId, 5, timeoutSeconds: 90);
        Assert.Equal(10, fixture.Tables.Failed - failedBefore);
        Assert.Equal(["greet", "menu", null, "pricing", "menu"], messages.Select(m => m!["blockId"]?.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => (long)n), messages.Select(m => m!["seq"]!.GetValue<long>()));
        // And the room still answers.
        (await visitor.PostAsync(roomId, new { clientMessageId = "busy-2", buttonId = "support", text = "Support" })).EnsureSuccessStatusCode();
        await visitor.WaitForMessagesAsync(roomId, 8);
    }

    [Fact]
    public async Task WebhookReplyThatNamesItselfAgain_TakesTheFailurePathAfterTenCalls_AndTheRoomGoesOn()
    {
        var (visitor, roomId) = await OpenWithRecipeAsync(Stack.LoopRecipe);
        await using var _ = visitor;

        var messages = await visitor.WaitForMessagesAsync(roomId, 3);

        Assert.Equal(["Checking your order…", "We could not reach our order system.", "Anything else?"], messages.Select(m => m!["text"]!.GetValue<string>()));
        Assert.InRange(fixture.Hooks.Calls("/loop"), 1, RoomOrchestrator.MaxWebhookHopsPerTurn);
        await AssertStillAnsweredAsync(visitor, roomId, 3);
    }

    [Fact]
    public async Task WebhookReplyOfTenMegabytes_IsNotRead_TheFlowTakesTheFailurePath()
    {
        var (visitor, roomId) = await OpenWithRecipeAsync(Stack.HugeRecipe);
        await using var _ = visitor;

        var messages = await visitor.WaitForMessagesAsync(roomId, 3);

        Assert.Equal("We could not reach our order system.", messages[1]!["text"]!.GetValue<string>());
        Assert.Equal(1, fixture.Hooks.Calls("/huge"));
        await AssertStillAnsweredAsync(visitor, roomId, 3);
    }

    /// <summary>
    /// After ContinueAsNew the flow waits 2 s for messages whose signal was lost, then waits for the next signal. The
    /// first wait's event waiter must not outlive it and take a signal meant for the second.
    /// </summary>
    [Fact]
    public async Task PauseAfterANewGeneration_ThenTwoMessages50msApart_BothAnswered()
    {
        await using var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        for (var i = 0; i < Stack.TurnsPerGeneration + 2; i++)
        {
            (await visitor.PostAsync(roomId, new { clientMessageId = $"fast-{i}", buttonId = "pricing", text = "Pricing" })).EnsureSuccessStatusCode();
            await visitor.WaitForMessagesAsync(roomId, 2 + (i + 1) * 3);
        }
        await Task.Delay(4500);

        var sent = 2 + (Stack.TurnsPerGeneration + 2) * 3;
        (await visitor.PostAsync(roomId, new { clientMessageId = "pair-1", buttonId = "pricing", text = "Pricing" })).EnsureSuccessStatusCode();
        await Task.Delay(50);
        (await visitor.PostAsync(roomId, new { clientMessageId = "pair-2", buttonId = "support", text = "Support" })).EnsureSuccessStatusCode();

        var messages = await visitor.WaitForMessagesAsync(roomId, sent + 6);
        Assert.Equal(sent + 6, messages.Count);
        Assert.Equal("support", messages[^2]!["blockId"]!.GetValue<string>());
    }

    private async Task<(Visitor Visitor, string RoomId)> OpenWithRecipeAsync(string recipeId)
    {
        var visitor = await Visitor.CreateAsync(Server.BaseAddress);
        (await visitor.Http.PutAsJsonAsync("api/v1/session/recipe", new { recipeId })).EnsureSuccessStatusCode();
        return (visitor, await visitor.OpenRoomAsync());
    }

    /// <summary>The flow waits at its buttons: a click is answered, so nothing is stuck behind the webhook.</summary>
    private static async Task AssertStillAnsweredAsync(Visitor visitor, string roomId, int count)
    {
        (await visitor.PostAsync(roomId, new { clientMessageId = "after-hook", buttonId = "again", text = "Again?" })).EnsureSuccessStatusCode();
        var messages = await visitor.WaitForMessagesAsync(roomId, count + 2);
        Assert.Equal("Anything else?", messages[^1]!["text"]!.GetValue<string>());
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Condition not met in time.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The app with its SignalR behind a proxy that can go silent, its tables behind one that can answer 503, and a
    /// webhook receiver that misbehaves.
    /// </summary>
    public sealed class Stack : HostFixture
    {
        public const string LoopRecipe = "hook-loop";
        public const string HugeRecipe = "hook-huge";
        public const int TurnsPerGeneration = 4;

        public FaultyProxy SignalR { get; private set; } = null!;
        public StorageFaultProxy Tables { get; } = new(10002);
        public WebhookSite Hooks { get; } = new(new Dictionary<string, Func<WebhookSite.Reply>>
        {
            ["/loop"] = () => new WebhookSite.Reply("""{"next":"hook"}"""),
            ["/huge"] = () => new WebhookSite.Reply(new string('x', 10 * 1024 * 1024), Chunked: true),
        });

        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["SignalR__ConnectionString"] = SignalREmulator.ConnectionStringFor(SignalR.Port),
            ["Storage__ConnectionString"] = DedicatedAzurite.ConnectionStringFor(10000, 10001, Tables.Port),
            ["Rooms__TurnsPerGeneration"] = TurnsPerGeneration.ToString(),
            ["Limits__MessagesPerMinute"] = "1000",
        };

        public override async Task InitializeAsync()
        {
            SignalR = new FaultyProxy((await SignalREmulator.SharedAsync()).Port);
            await base.InitializeAsync();
            foreach (var (id, path) in new[] { (LoopRecipe, "/loop"), (HugeRecipe, "/huge") })
                await RecipeSeeder.SaveAsync(Server.TablePrefix, new Recipe
                {
                    Id = id,
                    Name = id,
                    StartBlockId = "start",
                    Blocks =
                    [
                        new RecipeBlock { Id = "start", Type = BlockTypes.Message, Text = "Checking your order…", Next = "hook" },
                        new RecipeBlock { Id = "hook", Type = BlockTypes.Webhook, Url = Hooks.Url + path.TrimStart('/'), Next = "found", OnFailure = "failed" },
                        new RecipeBlock { Id = "found", Type = BlockTypes.Message, Text = "Found it.", Next = "menu" },
                        new RecipeBlock { Id = "failed", Type = BlockTypes.Message, Text = "We could not reach our order system.", Next = "menu" },
                        new RecipeBlock { Id = "menu", Type = BlockTypes.Buttons, Text = "Anything else?", Buttons = [new RecipeButton("again", "Again?", "menu")] },
                    ],
                });
            foreach (var id in new[] { LoopRecipe, HugeRecipe }) await Dashboard.SetRecipePublicAsync(Server, id);
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await SignalR.DisposeAsync();
            await Tables.DisposeAsync();
            Hooks.Dispose();
        }
    }
}
