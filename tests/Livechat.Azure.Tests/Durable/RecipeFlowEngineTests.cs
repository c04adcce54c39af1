using Livechat.Azure.Tests.Support;
using Livechat.Core.CustomFields;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;

namespace Livechat.Azure.Tests.Durable;

/// <summary>Recipes with every block type, run by the room orchestration on the real engine.</summary>
public sealed class RecipeFlowEngineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Recipe Support(Uri hook) => new()
    {
        Id = "support",
        Name = "Support",
        StartBlockId = "greet",
        Blocks =
        [
            new RecipeBlock { Id = "greet", Type = BlockTypes.Message, Text = "Hi {{name}}!", Next = "askName" },
            new RecipeBlock { Id = "askName", Type = BlockTypes.Ask, Ask = AskKinds.Name, Text = "What is your name?", Next = "askEmail" },
            new RecipeBlock { Id = "askEmail", Type = BlockTypes.Ask, Ask = AskKinds.Email, Text = "Your e-mail, {{name}}?", Next = "topic" },
            new RecipeBlock
            {
                Id = "topic", Type = BlockTypes.Buttons, Text = "What is it about?",
                Buttons = [new RecipeButton("order", "My order", "plan"), new RecipeButton("other", "Something else", "question")],
            },
            new RecipeBlock { Id = "plan", Type = BlockTypes.Condition, Field = "plan", Operator = ConditionOperators.EqualsValue, Value = "gold", Then = "vip", Else = "hook" },
            new RecipeBlock { Id = "vip", Type = BlockTypes.Message, Text = "Gold members get priority.", Next = "hook" },
            new RecipeBlock { Id = "hook", Type = BlockTypes.Webhook, Url = hook.ToString(), Next = "status", OnFailure = "sorry" },
            new RecipeBlock { Id = "status", Type = BlockTypes.Message, Text = "Your order is {{field.orderStatus}}.", Next = "bye" },
            new RecipeBlock { Id = "sorry", Type = BlockTypes.Message, Text = "Sorry, we could not look up your order.", Next = "agent" },
            new RecipeBlock { Id = "question", Type = BlockTypes.Ask, Ask = AskKinds.Text, Field = "question", Text = "Tell us more.", Next = "agent" },
            new RecipeBlock { Id = "agent", Type = BlockTypes.Transfer, Department = "support", Text = "An agent will take it from here." },
            new RecipeBlock { Id = "bye", Type = BlockTypes.End, Text = "Bye {{name}}!" },
        ],
    };

    private static async Task<(RoomEngineHarness Harness, WebhookReceiver Receiver, VisitorSession Session)> StartAsync(
        Dictionary<string, string?>? settings = null)
    {
        var receiver = await WebhookReceiver.StartAsync(Azurite.WebhookSecret);
        var all = new Dictionary<string, string?> { ["Rooms:WebhookAttempts"] = "3", ["Rooms:WebhookFirstRetry"] = "00:00:00.200", ["Webhooks:Timeout"] = "00:00:01" };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var harness = await RoomEngineHarness.StartAsync(all);
        await harness.Get<IRecipeStore>().SaveNewVersionAsync(Support(receiver.Url), None);
        // Marked public by the admin's call, so the page may choose it.
        Assert.True((await harness.Get<RecipeAdminHandler>().SetVisibilityAsync("support", new RecipeVisibilityRequest(true), None)).IsSuccess);
        var session = await harness.NewSessionAsync();
        Assert.True((await harness.Get<SetRecipeHandler>().HandleAsync(session, "support", None)).IsSuccess);
        return (harness, receiver, (await harness.Get<ISessionStore>().GetAsync(session.SessionId, None))!);
    }

    private static async Task<VisitorSession> Fresh(RoomEngineHarness harness, VisitorSession session) =>
        (await harness.Get<ISessionStore>().GetAsync(session.SessionId, None))!;

    private static Task Say(RoomEngineHarness harness, VisitorSession session, string roomId, string text, string? buttonId = null) =>
        harness.Get<PostMessageHandler>().HandleAsync(session, roomId, new PostMessageRequest(Guid.NewGuid().ToString("N"), text, buttonId), None);

    [Fact]
    public async Task FullFlow_SkipsKnownName_ReasksBadEmail_BranchesCallsWebhookAndEnds()
    {
        var (harness, receiver, session) = await StartAsync();
        await using var _ = harness;
        await using var __ = receiver;
        receiver.Script[0] = (200, TimeSpan.Zero, """{"fields":{"room":{"orderStatus":"shipped"}}}""");
        await harness.Get<SetUserParamsHandler>().HandleAsync(session, new UserParamsRequest("Ada", null, null), None);
        await harness.Get<CustomFieldsHandler>().SetAsync(await Fresh(harness, session), "plan", new SetCustomFieldRequest("gold", FieldScope.User), None);
        session = await Fresh(harness, session);

        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;
        await harness.WaitForTextAsync(roomId, "Your e-mail, Ada?");
        await Say(harness, session, roomId, "not an address");
        await harness.WaitForTextAsync(roomId, "doesn't look like an e-mail");
        await Say(harness, session, roomId, "ada@example.com");
        await harness.WaitForTextAsync(roomId, "What is it about?");
        await Say(harness, session, roomId, "My order", "order");
        var transcript = await harness.WaitForTextAsync(roomId, "Bye Ada!");

        Assert.Equal(
            ["Hi Ada!", "Your e-mail, Ada?", "not an address", "That doesn't look like an e-mail address. Please try again.", "ada@example.com",
             "What is it about?", "My order", "Gold members get priority.", "Your order is shipped.", "Bye Ada!"],
            transcript.Select(m => m.Text));
        Assert.DoesNotContain(transcript, m => m.BlockId == "askName");
        var payload = Assert.Single(receiver.Received);
        Assert.Equal(0, receiver.BadSignatures);
        Assert.Equal(roomId, payload.GetProperty("roomId").GetString());
        Assert.Equal("gold", payload.GetProperty("fields").GetProperty("user").GetProperty("plan").GetString());
        Assert.Equal("ada@example.com", payload.GetProperty("userParams").GetProperty("email").GetString());
        var room = await Eventually.ReturnsAsync(() => harness.Rooms.GetAsync(roomId, None), r => r!.Status == RoomStatus.Ended);
        Assert.Equal(EndReasons.RecipeEnded, room!.EndReason);
        var fields = await harness.Get<ICustomFieldStore>().ListAsync(FieldOwner.Room(roomId), None);
        Assert.Equal("shipped", fields.Single(f => f.Key == "orderStatus").Value);
        Assert.Equal("ada@example.com", (await Fresh(harness, session)).UserParams.Email);
    }

    [Fact]
    public async Task Webhook_500ThenSuccess_IsRetriedAndTheFlowGoesOn()
    {
        var (harness, receiver, session) = await StartAsync();
        await using var _ = harness;
        await using var __ = receiver;
        receiver.Script.Clear();
        receiver.Script.Add((500, TimeSpan.Zero, null));
        receiver.Script.Add((200, TimeSpan.Zero, """{"fields":{"room":{"orderStatus":"packed"}}}"""));
        await harness.Get<SetUserParamsHandler>().HandleAsync(session, new UserParamsRequest("Bo", "bo@example.com", null), None);
        session = await Fresh(harness, session);

        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;
        await harness.WaitForTextAsync(roomId, "What is it about?");
        await Say(harness, session, roomId, "My order", "order");
        var transcript = await harness.WaitForTextAsync(roomId, "Bye Bo!");

        Assert.Equal(2, receiver.Attempts);
        Assert.Contains(transcript, m => m.Text == "Your order is packed.");
        Assert.DoesNotContain(transcript, m => m.BlockId == "vip"); // no plan field: the condition's else branch
    }

    [Fact]
    public async Task Webhook_TimingOutEveryTime_FollowsTheFailurePathToAnAgent()
    {
        var (harness, receiver, session) = await StartAsync();
        await using var _ = harness;
        await using var __ = receiver;
        receiver.Script[0] = (200, TimeSpan.FromSeconds(3), "{}");
        await harness.Get<SetUserParamsHandler>().HandleAsync(session, new UserParamsRequest("Cy", "cy@example.com", null), None);
        session = await Fresh(harness, session);

        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;
        await harness.WaitForTextAsync(roomId, "What is it about?");
        await Say(harness, session, roomId, "My order", "order");
        var transcript = await harness.WaitForTextAsync(roomId, "An agent will take it from here.", TimeSpan.FromSeconds(40));

        Assert.Equal(3, receiver.Attempts);
        Assert.Contains(transcript, m => m.Text == "Sorry, we could not look up your order.");
        var room = await Eventually.ReturnsAsync(() => harness.Rooms.GetAsync(roomId, None), r => r!.Status == RoomStatus.Waiting);
        Assert.Equal("support", room!.Department);
        // The transfer writes its system message after it sets the room waiting.
        await Eventually.ReturnsAsync(() => harness.Rooms.ReadMessagesAsync(roomId, 0, 100, None), ms => ms.Any(m => m.Sender == Sender.System));
    }

    [Fact]
    public async Task TextAsk_StoresTheAnswerAsARoomField_ThenTransfers()
    {
        var (harness, receiver, session) = await StartAsync();
        await using var _ = harness;
        await using var __ = receiver;
        await harness.Get<SetUserParamsHandler>().HandleAsync(session, new UserParamsRequest("Di", "di@example.com", null), None);
        session = await Fresh(harness, session);

        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;
        await harness.WaitForTextAsync(roomId, "What is it about?");
        await Say(harness, session, roomId, "Something else", "other");
        await harness.WaitForTextAsync(roomId, "Tell us more.");
        await Say(harness, session, roomId, "My invoice is wrong");
        await harness.WaitForTextAsync(roomId, "An agent will take it from here.");

        var fields = await harness.Get<ICustomFieldStore>().ListAsync(FieldOwner.Room(roomId), None);
        Assert.Equal("My invoice is wrong", fields.Single(f => f.Key == "question").Value);
        Assert.Equal(0, receiver.Attempts);
    }

    [Fact]
    public async Task RecipeEditedMidChat_TheRunningRoomKeepsItsVersion_TheNextRoomGetsTheNewOne()
    {
        var (harness, receiver, session) = await StartAsync();
        await using var _ = harness;
        await using var __ = receiver;
        await harness.Get<SetUserParamsHandler>().HandleAsync(session, new UserParamsRequest("Ed", "ed@example.com", null), None);
        session = await Fresh(harness, session);
        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;
        await harness.WaitForTextAsync(roomId, "What is it about?");

        var edited = Support(receiver.Url);
        edited = edited with { Blocks = edited.Blocks.Select(b => b.Id == "question" ? b with { Text = "EDITED: tell us more." } : b).ToList() };
        Assert.Equal(2, (await harness.Get<IRecipeStore>().SaveNewVersionAsync(edited, None)).Version);

        await Say(harness, session, roomId, "Something else", "other");
        var transcript = await harness.WaitForTextAsync(roomId, "Tell us more.");
        Assert.DoesNotContain(transcript, m => m.Text.StartsWith("EDITED", StringComparison.Ordinal));

        await harness.Get<CloseRoomHandler>().HandleAsync(session, roomId, None);
        var next = (await harness.Get<OpenRoomHandler>().HandleAsync(await Fresh(harness, session), RoomEngineHarness.Client, None)).Value!.RoomId;
        Assert.Equal(2, (await harness.Rooms.GetAsync(next, None))!.RecipeVersion);
    }

    [Fact]
    public async Task LongChat_500VisitorMessages_ContinuesAsNewAndCarriesABoundedState()
    {
        await using var harness = await RoomEngineHarness.StartAsync(new Dictionary<string, string?> { ["Rooms:TurnsPerGeneration"] = "20" });
        var session = await harness.NewSessionAsync();
        var roomId = (await harness.Get<OpenRoomHandler>().HandleAsync(session, RoomEngineHarness.Client, None)).Value!.RoomId;
        await harness.WaitForMessagesAsync(roomId, 2);

        var post = harness.Get<PostMessageHandler>();
        var executions = new HashSet<string>();
        var stateSizes = new List<int>();
        for (var i = 0; i < 500; i++)
        {
            await post.HandleAsync(session, roomId, new PostMessageRequest($"long-{i}", null, i % 2 == 0 ? "pricing" : "support"), None);
            if (i % 10 != 9) continue;
            await harness.WaitForMessagesAsync(roomId, 2 + (i + 1) * 3, TimeSpan.FromSeconds(60));
            var (executionId, inputLength) = await harness.ExecutionAsync(roomId);
            // The first execution starts without a carried state; every later one carries it.
            if (executions.Count > 0 && executions.Add(executionId)) stateSizes.Add(inputLength);
            executions.Add(executionId);
        }

        Assert.Equal(2 + 500 * 3, (await harness.Rooms.ReadMessagesAsync(roomId, 0, 5000, None)).Count);
        // 500 turns at 20 a generation: the history restarts at least 25 times, and what it carries does not grow.
        Assert.True(executions.Count >= 20, $"only {executions.Count} executions seen");
        Assert.True(stateSizes.Max() <= stateSizes.Min() + 200, $"carried state grew: {stateSizes.Min()} -> {stateSizes.Max()} characters");
    }
}
