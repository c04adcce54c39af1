using Azure.Data.Tables;
using Livechat.Core.Recipes;
using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// One local server and one Chromium for all of <see cref="SpecSnippetTests"/>, with recipes a dashboard would have
/// saved and marked public: a short one that ends the chat, one that asks for the name, and one whose texts are HTML
/// and that echoes what the visitor typed; and the spec pages' departments, public.
/// </summary>
public sealed class SpecServerFixture : IAsyncLifetime
{
    public const string GreeterRecipe = "spec-greeter";
    public const string HtmlRecipe = "spec-html";
    public const string AskRecipe = "spec-ask";
    public const string ImgPayload = "<img src=x onerror=window.__xss=1>";
    public const string ScriptPayload = "<script>window.__xss=2</script>Pick one <b>now</b>";
    public const string ButtonPayload = "<img src=y onerror=window.__xss=3>";

    public FunctionsHost Server { get; private set; } = null!;
    public ChromiumSession Chromium { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        var server = FunctionsHost.StartAsync();
        var chromium = ChromiumSession.LaunchAsync();
        Server = await server;
        Chromium = await chromium;
        Http = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        await RecipeSeeder.SaveAsync(Server.TablePrefix, new Recipe
        {
            Id = GreeterRecipe,
            Name = "Spec greeter",
            StartBlockId = "hello",
            Blocks =
            [
                new RecipeBlock { Id = "hello", Type = BlockTypes.Message, Text = "Hello from the spec recipe.", Next = "ask" },
                new RecipeBlock { Id = "ask", Type = BlockTypes.Buttons, Text = "Done already?", Buttons = [new RecipeButton("finish", "Finish", "bye")] },
                new RecipeBlock { Id = "bye", Type = BlockTypes.End, Text = "Goodbye from the spec recipe." },
            ],
        });
        await RecipeSeeder.SaveAsync(Server.TablePrefix, new Recipe
        {
            Id = HtmlRecipe,
            Name = "HTML in texts",
            StartBlockId = "greet",
            Blocks =
            [
                new RecipeBlock { Id = "greet", Type = BlockTypes.Message, Text = ImgPayload, Next = "menu" },
                new RecipeBlock { Id = "menu", Type = BlockTypes.Buttons, Text = ScriptPayload, Buttons = [new RecipeButton("img", ButtonPayload, "note")] },
                new RecipeBlock { Id = "note", Type = BlockTypes.Ask, Ask = AskKinds.Text, Field = "note", Text = "Type anything.", Next = "echo" },
                new RecipeBlock { Id = "echo", Type = BlockTypes.Message, Text = "You typed: {{field.note}}", Next = "bye" },
                new RecipeBlock { Id = "bye", Type = BlockTypes.End, Text = "Bye <i>now</i>" },
            ],
        });
        await RecipeSeeder.SaveAsync(Server.TablePrefix, new Recipe
        {
            Id = AskRecipe,
            Name = "Asks for the name",
            StartBlockId = "name",
            Blocks =
            [
                new RecipeBlock { Id = "name", Type = BlockTypes.Ask, Ask = AskKinds.Name, Text = "What's your name?", Next = "hello" },
                new RecipeBlock { Id = "hello", Type = BlockTypes.Message, Text = "Nice to meet you, {{name}}.", Next = "email" },
                new RecipeBlock { Id = "email", Type = BlockTypes.Ask, Ask = AskKinds.Email, Text = "Your e-mail?", Next = "done" },
                new RecipeBlock { Id = "done", Type = BlockTypes.Message, Text = "We will write to {{email}}." },
            ],
        });
        // What the spec pages choose, marked public as the customer's admin would; "recipe_id" stays unknown.
        foreach (var recipe in new[] { GreeterRecipe, HtmlRecipe, AskRecipe }) await Dashboard.SetRecipePublicAsync(Server, recipe);
        foreach (var department in new[] { "department", "early" }) await Dashboard.PutDepartmentAsync(Server, department);
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Chromium is not null) await Chromium.DisposeAsync();
        if (Server is not null) await Server.DisposeAsync();
    }
}

/// <summary>
/// Every snippet of the widget API spec (src/widget/demo/spec/*.html, pasted as a customer would) in headless
/// Chromium against the local server: each call does what the spec says, each handler gets the documented
/// arguments, checked on the page and through the backend's API (or its tables, for what no route shows).
/// </summary>
public sealed class SpecSnippetTests(SpecServerFixture fixture) : IClassFixture<SpecServerFixture>, IAsyncLifetime
{
    private const int Timeout = 20_000;
    private const string Welcome = "Welcome to our chat";
    private const string Menu = "How can we help you today?";
    private const string Pricing = "Our plans start at $10";

    private readonly List<IBrowserContext> _contexts = [];
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() => _context = await NewContextAsync();

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts) await context.CloseAsync();
    }

    // ---- configuration calls ------------------------------------------------------------------

    [Fact]
    public async Task OpenWidget_AtLoad_ShowsTheWindowAndStartsAChatTheBackendHas()
    {
        var p = await OpenAsync("open-widget");
        await Assertions.Expect(p.Window).ToBeVisibleAsync();
        await WaitForEventAsync(p, "onChatStarted");
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);

        var events = await EventsAsync(p);
        AssertOrder(events, "onWidgetLoaded", "onChatMaximized", "onChatStarted");
        var roomId = RoomIdOf(events, "onChatStarted");

        var token = await TokenAsync(p);
        var session = await GetAsync(token, "api/v1/session");
        Assert.Equal(roomId, Str(session, "openRoomId"));
        var transcript = await GetAsync(token, $"api/v1/rooms/{roomId}/messages");
        Assert.Equal("open", Str(transcript, "status"));
        var ids = transcript.GetProperty("messages").EnumerateArray().Select(m => Str(m, "id")).ToList();
        Assert.Equal(ids, await MessageIdsAsync(p));
        Assert.Contains(Welcome, Str(transcript.GetProperty("messages")[0], "text"));
        Assert.Equal("true", await p.Widget.GetByTestId("bubble").GetAttributeAsync("aria-expanded"));
    }

    [Fact]
    public async Task CloseWidget_ClosesTheWindowEndsTheChat_AndTheNextOpenStartsAnother()
    {
        var p = await OpenAsync("close-widget");
        await p.Bubble.ClickAsync();
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var token = await TokenAsync(p);

        await p.Page.Locator("#close-widget").ClickAsync();
        await WaitForEventAsync(p, "onChatEnded");
        await Assertions.Expect(p.Window).ToBeHiddenAsync();
        var events = await EventsAsync(p);
        AssertOrder(events, "onChatStarted", "onChatMinimized", "onChatEnded");
        Assert.Equal(roomId, RoomIdOf(events, "onChatEnded"));
        Assert.Equal("ended", Str(await GetAsync(token, $"api/v1/rooms/{roomId}/messages"), "status"));
        Assert.Null(Str(await GetAsync(token, "api/v1/session"), "openRoomId"));

        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatStarted", 2);
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var second = (await EventsAsync(p)).Where(e => e.Name == "onChatStarted").Select(e => Str(e.Arg, "roomId")).ToList();
        Assert.NotEqual(roomId, second[1]);
        Assert.Equal(second[1], Str(await GetAsync(token, "api/v1/session"), "openRoomId"));
        AssertDocumentedArguments(await EventsAsync(p));
    }

    [Fact]
    public async Task SetRecipe_UnknownId_FailsInTheConsoleAndTheWidgetStillChats_AKnownOneRunsInTheNextChat()
    {
        var p = await OpenAsync("set-recipe");
        var error = await WaitForConsoleAsync(p, m => m.Type == "error" && m.Text.Contains("setRecipe failed"), "setRecipe failed");
        Assert.Contains("recipe_id", error.Text);
        var token = await TokenAsync(p);
        Assert.Null(Str(await GetAsync(token, "api/v1/session"), "recipeId"));

        // The default recipe runs.
        await p.Bubble.ClickAsync();
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var first = RoomIdOf(await EventsAsync(p), "onChatStarted");
        Assert.Equal("welcome", (await RoomRowAsync(first)).GetString("RecipeId"));

        // A recipe that exists: the ongoing chat keeps its recipe, the next one runs the new one.
        await CallAsync(p, "this.setRecipe('" + SpecServerFixture.GreeterRecipe + "')");
        await EventuallyAsync(() => GetAsync(token, "api/v1/session"), s => Str(s, "recipeId") == SpecServerFixture.GreeterRecipe, "recipeId set");
        Assert.Equal("welcome", (await RoomRowAsync(first)).GetString("RecipeId"));
        await p.Widget.GetByTestId("close").ClickAsync();
        await WaitForEventAsync(p, "onChatEnded");
        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatStarted", 2);
        await Assertions.Expect(p.Messages.Filter(new() { HasText = "Hello from the spec recipe." })).ToHaveCountAsync(1);
        var second = (await EventsAsync(p)).Where(e => e.Name == "onChatStarted").Select(e => Str(e.Arg, "roomId")).Last();
        Assert.Equal(SpecServerFixture.GreeterRecipe, (await RoomRowAsync(second!)).GetString("RecipeId"));
        Assert.DoesNotContain(p.PageErrors, _ => true);
    }

    [Fact]
    public async Task SetUserParams_AreStoredOnTheSession()
    {
        var p = await OpenAsync("set-user-params");
        var token = await TokenAsync(p);
        var session = await EventuallyAsync(() => GetAsync(token, "api/v1/session"),
            s => s.TryGetProperty("userParams", out var u) && Str(u, "phone") is not null, "user params stored");
        var userParams = session.GetProperty("userParams");
        Assert.Equal("Dana Hiker", Str(userParams, "name"));
        Assert.Equal("dana@example.com", Str(userParams, "email"));
        Assert.Equal("+1 555 0100", Str(userParams, "phone"));
        Assert.DoesNotContain(p.Console, m => m.Type == "error" && m.Text.Contains("[Verloop]"));
        // No chat was started by it.
        Assert.Null(Str(session, "openRoomId"));
        Assert.DoesNotContain(await EventsAsync(p), e => e.Name == "onChatStarted");

        // "The corresponding blocks from the recipe will be skipped if these parameters are set."
        await CallAsync(p, "this.setRecipe('" + SpecServerFixture.AskRecipe + "'); this.openWidget()");
        await Assertions.Expect(p.Messages.Filter(new() { HasText = "We will write to dana@example.com." })).ToHaveCountAsync(1);
        await Assertions.Expect(p.Messages.Filter(new() { HasText = "Nice to meet you, Dana Hiker." })).ToHaveCountAsync(1);
        await Assertions.Expect(p.Messages.Filter(new() { HasText = "What's your name?" })).ToHaveCountAsync(0);
        await Assertions.Expect(p.Messages.Filter(new() { HasText = "Your e-mail?" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SetCustomField_UserScopeStaysWithTheVisitor_RoomScopeGoesWithTheNextRoomOnly()
    {
        var p = await OpenAsync("set-custom-field");
        var token = await TokenAsync(p);
        var user = await EventuallyAsync(() => FieldsAsync(token, "user"), f => f.Count == 2, "two user fields");
        Assert.Equal(["key=value", "plan=gold"], user); // "plan" was set without options: the default scope is user
        Assert.Equal(["key=room-value"], await EventuallyAsync(() => FieldsAsync(token, "room"), f => f.Count == 1, "a pending room field"));

        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatStarted");
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        Assert.Equal(roomId, Str(await GetAsync(token, "api/v1/session"), "openRoomId"));
        Assert.Equal(["key=room-value"], await FieldsAsync(token, "room"));

        await p.Widget.GetByTestId("close").ClickAsync();
        await WaitForEventAsync(p, "onChatEnded");
        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatStarted", 2);
        Assert.Empty(await FieldsAsync(token, "room"));
        Assert.Equal(["key=value", "plan=gold"], await FieldsAsync(token, "user"));
    }

    [Fact]
    public async Task SetDepartment_TheChatOpenedAfterwardsIsInIt()
    {
        var p = await OpenAsync("set-department");
        var token = await TokenAsync(p);
        await EventuallyAsync(() => GetAsync(token, "api/v1/session"), s => Str(s, "department") == "department", "department set");

        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatStarted");
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        Assert.Equal("department", (await RoomRowAsync(roomId)).GetString("Department"));
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ClearDepartment_TheChatOpenedAfterwardsHasNone()
    {
        var p = await OpenAsync("clear-department");
        var token = await TokenAsync(p);
        await EventuallyAsync(() => GetAsync(token, "api/v1/session"), s => Str(s, "department") == "department", "department set");

        await p.Page.Locator("#clear-department").ClickAsync();
        await EventuallyAsync(() => GetAsync(token, "api/v1/session"), s => Str(s, "department") is null, "department cleared");
        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatStarted");
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        Assert.Null((await RoomRowAsync(roomId)).GetString("Department"));
    }

    [Fact]
    public async Task SetUserId_InASecondBrowser_ContinuesTheUsersOpenRoomWithItsTranscript()
    {
        var laptop = await OpenAsync("set-user-id");
        var laptopToken = await TokenAsync(laptop);
        await EventuallyAsync(() => GetAsync(laptopToken, "api/v1/session"), s => Str(s, "userId") == "user_id", "user id set");
        await laptop.Bubble.ClickAsync();
        await laptop.Widget.GetByTestId("quick-reply").Filter(new() { HasText = "Pricing" }).ClickAsync();
        await Assertions.Expect(laptop.Messages.Filter(new() { HasText = Pricing })).ToHaveCountAsync(1);
        var roomId = RoomIdOf(await EventsAsync(laptop), "onChatStarted");
        var transcript = await EventuallyAsync(() => GetAsync(laptopToken, $"api/v1/rooms/{roomId}/messages"),
            t => t.GetProperty("messages").GetArrayLength() >= 5, "the pricing answer and the menu again");
        var count = transcript.GetProperty("messages").GetArrayLength();

        // Another browser (no shared storage): the same snippet continues the chat.
        var phone = await OpenAsync("set-user-id", await NewContextAsync());
        var phoneToken = await TokenAsync(phone);
        Assert.NotEqual(laptopToken, phoneToken);
        var session = await EventuallyAsync(() => GetAsync(phoneToken, "api/v1/session"), s => Str(s, "userId") == "user_id", "user id set");
        Assert.Equal(roomId, Str(session, "openRoomId"));
        await Assertions.Expect(phone.Messages).ToHaveCountAsync(count); // the transcript, before the window opens
        await phone.Bubble.ClickAsync();
        await WaitForEventAsync(phone, "onChatStarted");
        Assert.Equal(roomId, RoomIdOf(await EventsAsync(phone), "onChatStarted"));
        await Assertions.Expect(phone.Messages.Filter(new() { HasText = Pricing })).ToBeVisibleAsync();
        Assert.Equal(await MessageIdsAsync(laptop), await MessageIdsAsync(phone));
        // The transcript is history on this device: no onIncomingMessage for it.
        Assert.DoesNotContain(await EventsAsync(phone), e => e.Name == "onIncomingMessage");

        // Both devices are one chat: what the phone sends shows on the laptop.
        await SendAsync(phone, "Sent from the phone");
        await Assertions.Expect(laptop.Messages.Filter(new() { HasText = "Sent from the phone" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task SetUserId_DuringAnAnonymousChat_KeepsTheChatAndTheUsersOtherDeviceContinuesIt()
    {
        var p = await OpenAsync("open-widget");
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var token = await TokenAsync(p);

        await CallAsync(p, "this.setUserId('adopting-user')");
        await EventuallyAsync(() => GetAsync(token, "api/v1/session"), s => Str(s, "userId") == "adopting-user" && Str(s, "openRoomId") == roomId, "the user has the chat");
        await SendAsync(p, "still here after logging in");
        await Assertions.Expect(p.Messages.Filter(new() { HasText = "Please choose one of the options below." })).ToHaveCountAsync(1); // realtime as the user

        var other = await OpenAsync("on-chat-started", await NewContextAsync());
        await CallAsync(other, "this.setUserId('adopting-user'); this.openWidget()");
        await WaitForEventAsync(other, "onChatStarted");
        Assert.Equal(roomId, RoomIdOf(await EventsAsync(other), "onChatStarted"));
        await Assertions.Expect(other.Messages.Filter(new() { HasText = "still here after logging in" })).ToBeVisibleAsync();
        Assert.Single(await EventsAsync(p), e => e.Name == "onChatStarted");
    }

    [Fact]
    public async Task Logout_EndsTheChatFiresLogoutComplete_AndTheNextOpenIsANewAnonymousSession()
    {
        var p = await OpenAsync("logout");
        await CallAsync(p, "this.setUserId('logout-user')");
        await p.Bubble.ClickAsync();
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var oldToken = await TokenAsync(p);
        var oldSession = await GetAsync(oldToken, "api/v1/session");
        Assert.Equal("logout-user", Str(oldSession, "userId"));

        await p.Page.Locator("#logout").ClickAsync();
        await WaitForEventAsync(p, "onLogoutComplete");
        var events = await EventsAsync(p);
        AssertOrder(events, "onChatStarted", "onChatMinimized", "onChatEnded", "onLogoutComplete");
        Assert.Equal(roomId, RoomIdOf(events, "onChatEnded"));
        Assert.Equal("onLogoutComplete", events[^1].Name);
        await Assertions.Expect(p.Window).ToBeHiddenAsync();
        Assert.Null(await StoredTokenAsync(p));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(oldToken, "api/v1/session"));
        Assert.Equal("ended", (await RoomRowAsync(roomId)).GetString("Status")!.ToLowerInvariant());

        await CallAsync(p, "this.openWidget()");
        await WaitForEventAsync(p, "onChatStarted", 2);
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1); // the old chat is gone
        var newToken = await TokenAsync(p);
        Assert.NotEqual(oldToken, newToken);
        var newSession = await GetAsync(newToken, "api/v1/session");
        Assert.Null(Str(newSession, "userId"));
        Assert.NotEqual(Str(oldSession, "sessionId"), Str(newSession, "sessionId"));
        Assert.NotEqual(Str(oldSession, "visitorId"), Str(newSession, "visitorId"));
        var newRoom = (await EventsAsync(p)).Where(e => e.Name == "onChatStarted").Select(e => Str(e.Arg, "roomId")).Last();
        Assert.NotEqual(roomId, newRoom);
        Assert.Equal(newRoom, Str(newSession, "openRoomId"));
        AssertDocumentedArguments(await EventsAsync(p));
    }

    // ---- handlers ------------------------------------------------------------------------------

    [Fact]
    public async Task OnButtonClicked_GetsTheButtonAndTheMessageBlock()
    {
        var p = await OpenAsync("on-button-clicked");
        await p.Bubble.ClickAsync();
        await p.Widget.GetByTestId("quick-reply").Filter(new() { HasText = "Pricing" }).ClickAsync();
        var logged = await WaitForConsoleAsync(p, m => m.Type == "log" && m.Args.Count == 1, "console.log(info)");
        var info = await logged.Args[0].JsonValueAsync<JsonElement>();

        Assert.Equal("pricing", Str(info.GetProperty("button"), "id"));
        Assert.Equal("Pricing", Str(info.GetProperty("button"), "label"));
        var block = info.GetProperty("message");
        Assert.Equal(Menu, Str(block, "text"));
        Assert.Equal("bot", Str(block, "sender"));
        Assert.Equal(["pricing", "support", "agent"], block.GetProperty("buttons").EnumerateArray().Select(b => Str(b, "id")!).ToArray());
        var recorded = (await EventsAsync(p)).Single(e => e.Name == "onButtonClicked");
        Assert.Equal("pricing", Str(recorded.Arg.GetProperty("button"), "id"));
        Assert.Equal(Str(block, "id"), Str(recorded.Arg.GetProperty("message"), "id"));

        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var token = await TokenAsync(p);
        var transcript = await EventuallyAsync(() => GetAsync(token, $"api/v1/rooms/{roomId}/messages"),
            t => t.GetProperty("messages").EnumerateArray().Any(m => Str(m, "text")!.Contains(Pricing)), "the bot's answer");
        var messages = transcript.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(Str(block, "id"), Str(messages.First(m => Str(m, "text") == Menu), "id"));
        var reply = messages.Single(m => Str(m, "sender") == "visitor");
        Assert.Equal("pricing", Str(reply, "buttonId"));
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Pricing })).ToHaveCountAsync(1);
        await Assertions.Expect(p.Widget.Locator("[data-testid=quick-reply][data-button-id=pricing]").First).ToHaveAttributeAsync("aria-pressed", "true");
        AssertDocumentedArguments(await EventsAsync(p));
    }

    [Fact]
    public async Task OnChatStarted_GetsTheRoomIdOnce()
    {
        var p = await OpenAsync("on-chat-started");
        await p.Bubble.ClickAsync();
        var logged = await WaitForConsoleAsync(p, m => m.Text.StartsWith("Chat Started "), "Chat Started");
        var roomId = logged.Text["Chat Started ".Length..];
        Assert.Equal(roomId, RoomIdOf(await EventsAsync(p), "onChatStarted"));
        var token = await TokenAsync(p);
        Assert.Equal(roomId, Str(await GetAsync(token, "api/v1/session"), "openRoomId"));
        Assert.Equal("open", Str(await GetAsync(token, $"api/v1/rooms/{roomId}/messages"), "status"));

        // Minimizing and opening again continues the chat: no second onChatStarted.
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatMinimized");
        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatMaximized", 2);
        await p.Page.WaitForTimeoutAsync(1000);
        Assert.Single(await EventsAsync(p), e => e.Name == "onChatStarted");
        Assert.Single(p.Console, m => m.Text.StartsWith("Chat Started "));
        AssertDocumentedArguments(await EventsAsync(p));
    }

    [Fact]
    public async Task OnChatEnded_GetsTheRoomId_WhenTheVisitorClosesAndWhenTheRecipeEndsTheChat()
    {
        var p = await OpenAsync("on-chat-ended");
        await p.Bubble.ClickAsync();
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var token = await TokenAsync(p);

        await p.Widget.GetByTestId("close").ClickAsync();
        var logged = await WaitForConsoleAsync(p, m => m.Text.StartsWith("Chat Ended "), "Chat Ended");
        Assert.Equal("Chat Ended " + roomId, logged.Text);
        Assert.Equal("ended", Str(await GetAsync(token, $"api/v1/rooms/{roomId}/messages"), "status"));

        // The server ends the next chat (its recipe has an end block): the event comes over realtime.
        await CallAsync(p, "this.setRecipe('" + SpecServerFixture.GreeterRecipe + "'); this.openWidget()");
        await WaitForEventAsync(p, "onChatStarted", 2);
        var second = (await EventsAsync(p)).Where(e => e.Name == "onChatStarted").Select(e => Str(e.Arg, "roomId")!).Last();
        await p.Widget.GetByTestId("quick-reply").Filter(new() { HasText = "Finish" }).ClickAsync();
        await WaitForEventAsync(p, "onChatEnded", 2);
        await WaitForConsoleAsync(p, m => m.Text == "Chat Ended " + second, "Chat Ended of the second room");
        await Assertions.Expect(p.Messages.Filter(new() { HasText = "Goodbye from the spec recipe." })).ToHaveCountAsync(1);
        await Assertions.Expect(p.Widget.GetByTestId("notice").Filter(new() { HasText = "Chat ended" })).ToHaveCountAsync(1);
        await Assertions.Expect(p.Window).ToBeVisibleAsync(); // ended by the server, not closed: the window stays
        Assert.Equal("ended", Str(await GetAsync(token, $"api/v1/rooms/{second}/messages"), "status"));
        Assert.Single(await EventsAsync(p), e => e.Name == "onChatMinimized");
        AssertDocumentedArguments(await EventsAsync(p));
    }

    [Fact]
    public async Task OnIncomingMessage_GetsEveryBotMessageOnce_AndNotTheVisitorsOwn()
    {
        var p = await OpenAsync("on-incoming-message");
        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onIncomingMessage", 2);
        await SendAsync(p, "something else");
        await WaitForEventAsync(p, "onIncomingMessage", 3);

        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var token = await TokenAsync(p);
        var transcript = await GetAsync(token, $"api/v1/rooms/{roomId}/messages");
        var bot = transcript.GetProperty("messages").EnumerateArray().Where(m => Str(m, "sender") == "bot").ToList();
        Assert.Equal(3, bot.Count);

        var logged = new List<JsonElement>();
        foreach (var m in await WaitForConsoleAsync(p, m => m.Type == "log" && m.Args.Count == 1, 3, "console.log(message) x3")) logged.Add(await m.Args[0].JsonValueAsync<JsonElement>());
        Assert.Equal(bot.Select(m => Str(m, "id")), logged.Select(m => Str(m, "id")));
        Assert.Equal(bot.Select(m => Str(m, "text")), logged.Select(m => Str(m, "text")));
        Assert.Contains(Welcome, Str(logged[0], "text"));
        Assert.Equal(Menu, Str(logged[1], "text"));
        Assert.Equal(3, logged[1].GetProperty("buttons").GetArrayLength());
        Assert.Equal("Please choose one of the options below.", Str(logged[2], "text"));
        Assert.All(logged, m => Assert.Equal(roomId, Str(m, "roomId")));
        Assert.DoesNotContain(logged, m => Str(m, "sender") == "visitor");
        AssertDocumentedArguments(await EventsAsync(p));
    }

    [Fact]
    public async Task OnLogoutComplete_FiresAfterLogout_InThisTabAndInAnotherTabOfTheVisitor()
    {
        var p = await OpenAsync("on-logout-complete");
        await p.Bubble.ClickAsync();
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var token = await TokenAsync(p);
        var other = await OpenAsync("on-logout-complete");
        await Assertions.Expect(other.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1); // resumed, connected

        await p.Page.Locator("#logout").ClickAsync();
        await WaitForConsoleAsync(p, m => m.Text == "Successfully logged the user out of the chat session", "logout log");
        Assert.Equal("onLogoutComplete", (await EventsAsync(p))[^1].Name);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(token, "api/v1/session"));

        await WaitForConsoleAsync(other, m => m.Text == "Successfully logged the user out of the chat session", "logout log in the other tab");
        await Assertions.Expect(other.Messages).ToHaveCountAsync(0);
        var otherEvents = await EventsAsync(other);
        AssertOrder(otherEvents, "onChatEnded", "onLogoutComplete");
        Assert.Single(otherEvents, e => e.Name == "onLogoutComplete");
        AssertDocumentedArguments(await EventsAsync(p));
        AssertDocumentedArguments(await EventsAsync(other));
    }

    [Fact]
    public async Task OnLogoutComplete_NotOnTheUsersOtherDevice_WhichStaysLoggedInAndSeesTheChatEnd()
    {
        var laptop = await OpenAsync("on-logout-complete");
        await CallAsync(laptop, "this.setUserId('two-devices-user'); this.openWidget()");
        await Assertions.Expect(laptop.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var roomId = RoomIdOf(await EventsAsync(laptop), "onChatStarted");
        var phone = await OpenAsync("on-logout-complete", await NewContextAsync());
        await CallAsync(phone, "this.setUserId('two-devices-user')");
        await Assertions.Expect(phone.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1); // the user's chat, connected
        var phoneToken = await TokenAsync(phone);

        await laptop.Page.Locator("#logout").ClickAsync();
        await WaitForEventAsync(laptop, "onLogoutComplete");
        await WaitForEventAsync(phone, "onChatEnded");
        Assert.Equal(roomId, RoomIdOf(await EventsAsync(phone), "onChatEnded"));
        await phone.Page.WaitForTimeoutAsync(1500); // a wrong onLogoutComplete would come right after the chat's end
        Assert.DoesNotContain(await EventsAsync(phone), e => e.Name == "onLogoutComplete");
        Assert.DoesNotContain(phone.Console, m => m.Text == "Successfully logged the user out of the chat session");
        Assert.Equal(phoneToken, await StoredTokenAsync(phone));
        Assert.Equal("two-devices-user", Str(await GetAsync(phoneToken, "api/v1/session"), "userId"));
        await Assertions.Expect(phone.Widget.GetByTestId("notice").Filter(new() { HasText = "Chat ended" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task OnChatMaximized_FiresWhenOpenWidgetOpensTheWindow()
    {
        var p = await OpenAsync("on-chat-maximized");
        await CallAsync(p, "this.openWidget()");
        await WaitForConsoleAsync(p, m => m.Text == "Successfully opened the chat window", "maximized log");
        await Assertions.Expect(p.Window).ToBeVisibleAsync();
        await WaitForEventAsync(p, "onChatStarted");
        AssertOrder(await EventsAsync(p), "onWidgetLoaded", "onChatMaximized", "onChatStarted");
        var token = await TokenAsync(p);
        Assert.Equal(RoomIdOf(await EventsAsync(p), "onChatStarted"), Str(await GetAsync(token, "api/v1/session"), "openRoomId"));

        // Opening an open window does nothing; the bubble opens it again after a minimize.
        await CallAsync(p, "this.openWidget()");
        await p.Widget.GetByTestId("minimize").ClickAsync();
        await WaitForEventAsync(p, "onChatMinimized");
        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatMaximized", 2);
        Assert.Equal(2, (await WaitForConsoleAsync(p, m => m.Text == "Successfully opened the chat window", 2, "maximized log x2")).Count);
        AssertDocumentedArguments(await EventsAsync(p));
    }

    [Fact]
    public async Task OnChatMinimized_FiresWhenTheWindowCloses_MinimizeKeepsTheChatAndCloseWidgetEndsIt()
    {
        var p = await OpenAsync("on-chat-minimized");
        await p.Bubble.ClickAsync();
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var token = await TokenAsync(p);

        await p.Widget.GetByTestId("minimize").ClickAsync();
        await WaitForConsoleAsync(p, m => m.Text == "Successfully closed the chat window", "minimized log");
        await Assertions.Expect(p.Window).ToBeHiddenAsync();
        Assert.Equal("open", Str(await GetAsync(token, $"api/v1/rooms/{roomId}/messages"), "status"));
        Assert.DoesNotContain(await EventsAsync(p), e => e.Name == "onChatEnded");

        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatMaximized", 2);
        await CallAsync(p, "this.closeWidget()");
        await WaitForEventAsync(p, "onChatEnded");
        Assert.Equal(2, (await WaitForConsoleAsync(p, m => m.Text == "Successfully closed the chat window", 2, "minimized log x2")).Count);
        var events = await EventsAsync(p);
        Assert.Equal("onChatMinimized", events[^2].Name);
        Assert.Equal("onChatEnded", events[^1].Name);
        Assert.Equal("ended", Str(await GetAsync(token, $"api/v1/rooms/{roomId}/messages"), "status"));
        AssertDocumentedArguments(await EventsAsync(p));
    }

    [Fact]
    public async Task OnWidgetLoaded_FiresOnceWithTheWidgetInTheDom_AndCreatesNoSession()
    {
        var p = await OpenAsync("on-widget-loaded");
        await WaitForConsoleAsync(p, m => m.Text == "Successfully loaded the widget", "loaded log");
        var loaded = Assert.Single(await EventsAsync(p), e => e.Name == "onWidgetLoaded");
        Assert.True(loaded.WidgetInDom);
        Assert.True(loaded.ThisIsApi);
        await Assertions.Expect(p.Bubble).ToBeVisibleAsync();
        await Assertions.Expect(p.Window).ToBeHiddenAsync();
        Assert.Null(await StoredTokenAsync(p));

        // A handler registered after the widget loaded (e.g. by a framework's mount hook) is called too.
        await CallAsync(p, "this.onWidgetLoaded(function () { window.__lateLoaded = (window.__lateLoaded || 0) + 1; })");
        await p.Page.WaitForFunctionAsync("() => window.__lateLoaded === 1", null, new() { Timeout = Timeout });
        Assert.Single(p.Console, m => m.Text == "Successfully loaded the widget");
        AssertDocumentedArguments(await EventsAsync(p));
    }

    // ---- the snippet's queue and handler isolation ---------------------------------------------

    [Fact]
    public async Task EarlyCalls_MadeBeforeTheScriptLoads_RunInOrderOnceItHas()
    {
        var p = await OpenAsync("early-calls");
        await WaitForEventAsync(p, "onChatStarted");
        var before = JsonDocument.Parse(await p.Page.EvaluateAsync<string>("() => JSON.stringify(window.__beforeLoad)")).RootElement;
        Assert.Equal(4, before.GetProperty("queued").GetInt32()); // the recorder and the page's three
        Assert.Equal(0, before.GetProperty("calls").GetInt32());
        Assert.False(before.GetProperty("widget").GetBoolean());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("session").ValueKind);

        Assert.Equal(["first", "second", "third", "nested"], await p.Page.EvaluateAsync<string[]>("() => window.__calls"));
        AssertOrder(await EventsAsync(p), "onWidgetLoaded", "onChatMaximized", "onChatStarted");
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var token = await TokenAsync(p);
        Assert.Equal(["order=nested"], await EventuallyAsync(() => FieldsAsync(token, "user"), f => f.Count == 1, "one user field"));
        var session = await GetAsync(token, "api/v1/session");
        Assert.Equal("Early Bird", Str(session.GetProperty("userParams"), "name"));
        Assert.Equal("early", Str(session, "department"));
        Assert.Equal(roomId, Str(session, "openRoomId"));
        Assert.Equal("early", (await RoomRowAsync(roomId)).GetString("Department")); // setDepartment ran before openWidget
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ThrowingHandler_TheHandlersAfterItStillRun_AndTheWidgetWorks()
    {
        var p = await OpenAsync("throwing-handler");
        Assert.True(await p.Page.EvaluateAsync<bool>("() => window.__secondLoaded === true"));
        await WaitForConsoleAsync(p, m => m.Type == "error" && m.Text.Contains("first onWidgetLoaded handler throws"), "the handler's error");
        await WaitForConsoleAsync(p, m => m.Type == "error" && m.Text.Contains("a Verloop callback throws"), "the callback's error");
        await WaitForConsoleAsync(p, m => m.Text == "second onWidgetLoaded handler ran", "the second handler's log");

        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatStarted");
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        Assert.Equal(roomId, await p.Page.EvaluateAsync<string>("() => window.__secondStarted"));
        await WaitForConsoleAsync(p, m => m.Type == "error" && m.Text.Contains("first onChatStarted handler throws"), "the handler's error");
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        Assert.DoesNotContain(p.PageErrors, _ => true);
    }

    // ---- one visitor, several tabs and loads ----------------------------------------------------

    [Fact]
    public async Task TwoTabs_OfOneVisitor_StayInSync()
    {
        var tab1 = await OpenAsync("on-chat-started");
        var tab2 = await OpenAsync("on-chat-started"); // open before any chat exists
        await tab1.Bubble.ClickAsync();
        await Assertions.Expect(tab1.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var roomId = RoomIdOf(await EventsAsync(tab1), "onChatStarted");

        await SendAsync(tab1, "hello from tab 1");
        await Assertions.Expect(tab2.Messages.Filter(new() { HasText = "hello from tab 1" })).ToHaveCountAsync(1);
        await WaitForEventAsync(tab2, "onChatStarted");
        Assert.Equal(roomId, RoomIdOf(await EventsAsync(tab2), "onChatStarted"));

        await tab2.Bubble.ClickAsync();
        await SendAsync(tab2, "hello from tab 2");
        await Assertions.Expect(tab1.Messages.Filter(new() { HasText = "hello from tab 2" })).ToHaveCountAsync(1);
        var token = await TokenAsync(tab1);
        var count = (await EventuallyAsync(() => GetAsync(token, $"api/v1/rooms/{roomId}/messages"),
            t => t.GetProperty("messages").GetArrayLength() >= 6, "both messages and their answers")).GetProperty("messages").GetArrayLength();
        await Assertions.Expect(tab1.Messages).ToHaveCountAsync(count);
        await Assertions.Expect(tab2.Messages).ToHaveCountAsync(count);
        Assert.Equal(await MessageIdsAsync(tab1), await MessageIdsAsync(tab2));
        AssertDocumentedArguments(await EventsAsync(tab2));
    }

    [Fact]
    public async Task TwoTabs_SetUserIdInOne_TheOtherStaysInSync()
    {
        var tab1 = await OpenAsync("on-chat-started");
        await tab1.Bubble.ClickAsync();
        await Assertions.Expect(tab1.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var tab2 = await OpenAsync("on-chat-started"); // resumes the chat, connected as the anonymous visitor
        await Assertions.Expect(tab2.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        var token = await TokenAsync(tab1);

        // The page logs the visitor in, in tab 1 only: the chat is now the user's.
        await CallAsync(tab1, "this.setUserId('two-tabs-user')");
        await EventuallyAsync(() => GetAsync(token, "api/v1/session"), s => Str(s, "userId") == "two-tabs-user", "user id set");
        await SendAsync(tab1, "sent as the user");
        await Assertions.Expect(tab1.Messages.Filter(new() { HasText = "Please choose one of the options below." })).ToHaveCountAsync(1);
        await Assertions.Expect(tab2.Messages.Filter(new() { HasText = "sent as the user" })).ToHaveCountAsync(1);
        await Assertions.Expect(tab2.Messages.Filter(new() { HasText = "Please choose one of the options below." })).ToHaveCountAsync(1);
        await tab2.Bubble.ClickAsync();
        await SendAsync(tab2, "sent from tab 2");
        await Assertions.Expect(tab1.Messages.Filter(new() { HasText = "sent from tab 2" })).ToHaveCountAsync(1);
        // The bot answers that too; both tabs show the whole conversation once its answer has arrived in each.
        await Assertions.Expect(tab1.Messages.Filter(new() { HasText = "Please choose one of the options below." })).ToHaveCountAsync(2);
        await Assertions.Expect(tab2.Messages.Filter(new() { HasText = "Please choose one of the options below." })).ToHaveCountAsync(2);
        Assert.Equal(await MessageIdsAsync(tab1), await MessageIdsAsync(tab2));
    }

    [Fact]
    public async Task Reload_ResumesTheOpenChatAndShowsItsTranscript()
    {
        var p = await OpenAsync("on-incoming-message");
        await p.Bubble.ClickAsync();
        await p.Widget.GetByTestId("quick-reply").Filter(new() { HasText = "Pricing" }).ClickAsync();
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Pricing })).ToHaveCountAsync(1);
        await Assertions.Expect(p.Messages).ToHaveCountAsync(5);
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var ids = await MessageIdsAsync(p);

        await p.Page.ReloadAsync();
        await WaitForEventAsync(p, "onWidgetLoaded");
        await Assertions.Expect(p.Messages).ToHaveCountAsync(ids.Count);
        Assert.Equal(ids, await MessageIdsAsync(p));
        await Assertions.Expect(p.Window).ToBeHiddenAsync();
        await Assertions.Expect(p.Widget.Locator(".badge.dot")).ToBeVisibleAsync();

        await p.Bubble.ClickAsync();
        await WaitForEventAsync(p, "onChatStarted");
        Assert.Equal(roomId, RoomIdOf(await EventsAsync(p), "onChatStarted"));
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Pricing })).ToBeVisibleAsync();
        Assert.DoesNotContain(await EventsAsync(p), e => e.Name == "onIncomingMessage"); // history is not incoming

        await SendAsync(p, "after the reload");
        await WaitForEventAsync(p, "onIncomingMessage");
        Assert.Equal(ids.Count + 2, (await MessageIdsAsync(p)).Count);
    }

    [Fact]
    public async Task Html_InVisitorAndBotMessages_RendersAsText()
    {
        var p = await OpenAsync("open-widget");
        await Assertions.Expect(p.Messages.Filter(new() { HasText = Menu })).ToHaveCountAsync(1);
        await SendAsync(p, SpecServerFixture.ImgPayload);
        await Assertions.Expect(p.Messages.Filter(new() { HasText = "Please choose one of the options below." })).ToHaveCountAsync(1);
        var visitor = p.Widget.Locator("[data-testid=message][data-sender=visitor]");
        await Assertions.Expect(visitor).ToHaveTextAsync(SpecServerFixture.ImgPayload);
        await AssertNoMarkupAsync(p);
        var roomId = RoomIdOf(await EventsAsync(p), "onChatStarted");
        var token = await TokenAsync(p);
        var stored = (await GetAsync(token, $"api/v1/rooms/{roomId}/messages")).GetProperty("messages").EnumerateArray();
        Assert.Contains(stored, m => Str(m, "sender") == "visitor" && Str(m, "text") == SpecServerFixture.ImgPayload);

        // The bot's own texts and button labels, from a recipe written with HTML in them.
        await CallAsync(p, "this.setRecipe('" + SpecServerFixture.HtmlRecipe + "'); this.closeWidget(); this.openWidget()");
        await WaitForEventAsync(p, "onChatStarted", 2);
        var bot = p.Widget.Locator("[data-testid=message][data-sender=bot]");
        await Assertions.Expect(bot.Filter(new() { HasText = SpecServerFixture.ImgPayload })).ToHaveCountAsync(1);
        await Assertions.Expect(bot.Filter(new() { HasText = SpecServerFixture.ScriptPayload })).ToHaveCountAsync(1);
        var button = p.Widget.GetByTestId("quick-reply");
        await Assertions.Expect(button).ToHaveTextAsync(SpecServerFixture.ButtonPayload);
        await button.ClickAsync();
        await Assertions.Expect(visitor.Filter(new() { HasText = SpecServerFixture.ButtonPayload })).ToHaveCountAsync(1);
        await Assertions.Expect(bot.Filter(new() { HasText = "Type anything." })).ToHaveCountAsync(1);

        // What the visitor typed, echoed in a bot message.
        await SendAsync(p, SpecServerFixture.ImgPayload);
        var echo = bot.Filter(new() { HasText = "You typed: " });
        await Assertions.Expect(echo).ToHaveTextAsync("You typed: " + SpecServerFixture.ImgPayload);
        await Assertions.Expect(bot.Filter(new() { HasText = "Bye <i>now</i>" })).ToHaveCountAsync(1);
        await AssertNoMarkupAsync(p);
        var incoming = (await EventsAsync(p)).Where(e => e.Name == "onIncomingMessage").Select(e => Str(e.Arg, "text")).ToList();
        Assert.Contains(SpecServerFixture.ImgPayload, incoming);
        Assert.Contains(SpecServerFixture.ScriptPayload, incoming);
        Assert.Contains("You typed: " + SpecServerFixture.ImgPayload, incoming);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private sealed class SpecPage(IPage page)
    {
        public IPage Page => page;
        public ConcurrentQueue<IConsoleMessage> Console { get; } = new();
        public ConcurrentQueue<string> PageErrors { get; } = new();
        public ILocator Widget => page.Locator("#verloop-widget");
        public ILocator Bubble => Widget.GetByTestId("bubble");
        public ILocator Window => Widget.GetByTestId("window");
        public ILocator Messages => Widget.GetByTestId("message");
    }

    private sealed record RecordedEvent(string Name, JsonElement Arg, int ArgCount, bool WidgetInDom, bool ThisIsApi);

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await fixture.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 760 } });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        _contexts.Add(context);
        return context;
    }

    private async Task<SpecPage> OpenAsync(string name, IBrowserContext? context = null)
    {
        var page = await (context ?? _context).NewPageAsync();
        var spec = new SpecPage(page);
        page.Console += (_, m) => spec.Console.Enqueue(m);
        page.PageError += (_, e) => spec.PageErrors.Enqueue(e);
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, $"spec/{name}.html").ToString());
        await WaitForEventAsync(spec, "onWidgetLoaded");
        return spec;
    }

    /// <summary>Runs <paramref name="body"/> as page code would: inside Verloop(function () { ... }).</summary>
    private static Task CallAsync(SpecPage p, string body) =>
        p.Page.EvaluateAsync("body => Verloop(new Function(body))", body);

    private static async Task SendAsync(SpecPage p, string text)
    {
        await p.Widget.GetByTestId("input").FillAsync(text);
        await p.Widget.GetByTestId("send").ClickAsync();
    }

    private static async Task WaitForEventAsync(SpecPage p, string name, int count = 1)
    {
        try
        {
            await p.Page.WaitForFunctionAsync("([n, c]) => (window.__events || []).filter(e => e.name === n).length >= c",
                new object[] { name, count }, new() { Timeout = Timeout });
        }
        catch (TimeoutException)
        {
            var seen = string.Join(", ", (await EventsAsync(p)).Select(e => e.Name));
            throw new TimeoutException($"{name} x{count} did not fire; events: {seen}; console: {ConsoleText(p)}");
        }
    }

    private static async Task<List<RecordedEvent>> EventsAsync(SpecPage p)
    {
        var json = await p.Page.EvaluateAsync<string>("() => JSON.stringify(window.__events || [])");
        return JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(e => new RecordedEvent(e.GetProperty("name").GetString()!, e.GetProperty("arg").Clone(), e.GetProperty("argCount").GetInt32(),
                e.GetProperty("widgetInDom").GetBoolean(), e.GetProperty("thisIsApi").GetBoolean()))
            .ToList();
    }

    private static string RoomIdOf(List<RecordedEvent> events, string name)
    {
        var roomId = Str(events.First(e => e.Name == name).Arg, "roomId");
        Assert.False(string.IsNullOrEmpty(roomId));
        return roomId!;
    }

    /// <summary>Every call of every handler got the spec's arguments: one object for four of them, none for the rest.</summary>
    private static void AssertDocumentedArguments(List<RecordedEvent> events)
    {
        string[] withArgument = ["onButtonClicked", "onChatStarted", "onChatEnded", "onIncomingMessage"];
        Assert.All(events, e =>
        {
            Assert.True(e.ThisIsApi, e.Name + " was called with this = the API");
            if (withArgument.Contains(e.Name))
            {
                Assert.Equal(1, e.ArgCount);
                Assert.Equal(JsonValueKind.Object, e.Arg.ValueKind);
            }
            else Assert.True(e.ArgCount == 0, e.Name + " got no arguments");
        });
    }

    /// <summary>The first occurrence of each name comes in this order.</summary>
    private static void AssertOrder(List<RecordedEvent> events, params string[] names)
    {
        var firsts = names.Select(n => events.FindIndex(e => e.Name == n)).ToList();
        var seen = string.Join(", ", events.Select(e => e.Name));
        Assert.All(firsts, i => Assert.True(i >= 0, "missing an event of " + string.Join(", ", names) + " in: " + seen));
        Assert.True(firsts.SequenceEqual(firsts.Order()), "expected " + string.Join(" < ", names) + " in: " + seen);
    }

    private static async Task<IConsoleMessage> WaitForConsoleAsync(SpecPage p, Func<IConsoleMessage, bool> match, string what) =>
        (await WaitForConsoleAsync(p, match, 1, what))[0];

    /// <summary>Console messages reach the test asynchronously: waits until <paramref name="count"/> of them match.</summary>
    private static async Task<List<IConsoleMessage>> WaitForConsoleAsync(SpecPage p, Func<IConsoleMessage, bool> match, int count, string what)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (true)
        {
            var found = p.Console.Where(match).ToList();
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No console message: {what}; saw: {ConsoleText(p)}");
            await Task.Delay(50);
        }
    }

    private static string ConsoleText(SpecPage p) => string.Join(" | ", p.Console.Select(m => $"{m.Type}: {m.Text}"));

    private static async Task<List<string?>> MessageIdsAsync(SpecPage p) =>
        (await p.Messages.EvaluateAllAsync<string?[]>("els => els.map(e => e.getAttribute('data-message-id'))")).ToList();

    private static async Task AssertNoMarkupAsync(SpecPage p)
    {
        Assert.Equal(0, await p.Page.EvaluateAsync<int>("() => document.getElementById('verloop-widget').shadowRoot.querySelectorAll('img, script, b, i').length"));
        Assert.Equal(0, await p.Page.EvaluateAsync<int>("() => document.querySelectorAll('img').length"));
        Assert.True(await p.Page.EvaluateAsync<bool>("() => window.__xss === undefined"));
    }

    private static Task<string?> StoredTokenAsync(SpecPage p) =>
        p.Page.EvaluateAsync<string?>("() => { const s = localStorage.getItem('verloop.session'); return s ? JSON.parse(s).token : null; }");

    /// <summary>The session token the widget stored, once it has one.</summary>
    private static async Task<string> TokenAsync(SpecPage p) =>
        (await EventuallyAsync(() => StoredTokenAsync(p), t => t is not null, "a stored session token"))!;

    private async Task<HttpResponseMessage> AuthorizedGetAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await fixture.Http.SendAsync(request);
    }

    private async Task<JsonElement> GetAsync(string token, string path)
    {
        using var response = await AuthorizedGetAsync(token, path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<HttpStatusCode> StatusAsync(string token, string path)
    {
        using var response = await AuthorizedGetAsync(token, path);
        return response.StatusCode;
    }

    private async Task<List<string>> FieldsAsync(string token, string scope) =>
        (await GetAsync(token, $"api/v1/session/fields?scope={scope}")).GetProperty("fields").EnumerateArray()
            .Select(f => $"{Str(f, "key")}={Str(f, "value")}").Order(StringComparer.Ordinal).ToList();

    private async Task<TableEntity> RoomRowAsync(string roomId) =>
        (await StorageSnapshot.RowsAsync(fixture.Server.TablePrefix, "Rooms", roomId)).Single(r => r.RowKey == "room");

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeout);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not reached: {what}; last: {(value is JsonElement e ? e.GetRawText() : value is IEnumerable<string> s ? string.Join(",", s) : value?.ToString())}");
            await Task.Delay(100);
        }
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
