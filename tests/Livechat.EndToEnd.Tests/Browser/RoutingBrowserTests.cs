using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// Auto-assignment with an agent console and visitors in their own browser contexts, on the real host: an online
/// agent with capacity 1 gets the first chat and its console opens it; the next visitors see their place count down
/// as the seat frees, and the last one goes to a second agent coming online.
/// </summary>
public sealed class RoutingBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    private const string Department = "routing";
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };

    private FunctionsHost Server => fixture.Server;

    [Fact]
    public async Task OnlineAgentWithCapacityOne_GetsTheFirstChat_TheNextVisitorsCountDownUntilTheirTurn()
    {
        using var admin = Agent.Admin(Server.BaseAddress, Server.AdminKey);
        var rita = await Agent.CreateAsync(Server.BaseAddress, Server.AdminKey, "rita", "Rita", Department);
        var capacity = await admin.PutAsJsonAsync("api/v1/admin/agents/rita/capacity", new { capacity = 1 });
        Assert.Equal(1, (await capacity.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["capacity"]!.GetValue<int>());

        // Rita signs in and goes online.
        var consoleContext = await fixture.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 760 } });
        var console = await consoleContext.NewPageAsync();
        await console.GotoAsync(new Uri(Server.BaseAddress, "agent/").ToString());
        await console.Locator("#token").FillAsync(rita.Token);
        await console.Locator("#sign-in button").ClickAsync();
        await Assertions.Expect(console.Locator("#presence")).ToBeEnabledAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#presence")).ToHaveValueAsync("away");
        // The control shows the choice at once; the server has it once the PUT has answered.
        var saved = await console.RunAndWaitForResponseAsync(() => console.Locator("#presence").SelectOptionAsync("online"),
            r => r.Url.EndsWith("/api/v1/agent/presence", StringComparison.Ordinal) && r.Request.Method == "PUT");
        Assert.Equal(200, saved.Status);
        await Assertions.Expect(console.Locator("#presence")).ToHaveValueAsync("online");
        var team = await admin.GetFromJsonAsync<JsonObject>("api/v1/admin/agents");
        Assert.Equal("online", team!["agents"]!.AsArray().Single(a => a!["agentId"]!.GetValue<string>() == "rita")!["presence"]!.GetValue<string>());

        // The first visitor is given to Rita straight away: no claim, and her console opens the chat.
        var (first, firstRoom) = await OpenChatAsync();
        (await Agent.TransferAsync(Server.BaseAddress, Server.AdminKey, firstRoom, Department)).EnsureSuccessStatusCode();
        await Assertions.Expect(first.Root.GetByText("Rita joined the chat", new() { Exact = true })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync("Rita joined the chat", new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#rooms button[aria-current=true]")).ToContainTextAsync(firstRoom[..10]);
        await Assertions.Expect(console.Locator("#close-room")).ToBeEnabledAsync();
        await Assertions.Expect(first.GetByTestId("queue-position")).ToBeHiddenAsync();

        // Rita is full: the second and third visitors wait, and each is told their place.
        var (second, secondRoom) = await OpenChatAsync();
        (await Agent.TransferAsync(Server.BaseAddress, Server.AdminKey, secondRoom, Department)).EnsureSuccessStatusCode();
        await Assertions.Expect(second.GetByTestId("queue-position")).ToHaveTextAsync("You are number 1 in the queue (about 2 min)", new() { Timeout = 20_000 });
        var (third, thirdRoom) = await OpenChatAsync();
        (await Agent.TransferAsync(Server.BaseAddress, Server.AdminKey, thirdRoom, Department)).EnsureSuccessStatusCode();
        await Assertions.Expect(third.GetByTestId("queue-position")).ToHaveTextAsync("You are number 2 in the queue (about 4 min)", new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator($"#queues li[data-room-id='{secondRoom}']")).ToBeVisibleAsync(Soon);
        Assert.Equal(1, (await QueueEventsAsync(second.Page)).Last().Position);

        // A reload shows the place at once, from the transcript read: no queue change has to come first.
        await third.Page.ReloadAsync();
        await third.Page.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        await third.Page.EvaluateAsync("() => new Promise((resolve) => Verloop(function () { this.openWidget(); resolve(); }))");
        await Assertions.Expect(third.GetByTestId("queue-position")).ToHaveTextAsync("You are number 2 in the queue (about 4 min)", new() { Timeout = 20_000 });
        Assert.Equal(2, (await QueueEventsAsync(third.Page)).Last().Position);

        await AxeAudit.AssertNoSeriousFindingsAsync(second.Page, "the widget waiting in the queue", within: "verloop-widget");
        await second.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "widget-queue.png") });

        // Rita ends the first chat: her seat goes to the second visitor at once, and the third moves up.
        await console.Locator("#close-room").ClickAsync();
        await Assertions.Expect(second.Root.GetByText("Rita joined the chat", new() { Exact = true })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(second.GetByTestId("queue-position")).ToBeHiddenAsync();
        await Assertions.Expect(third.GetByTestId("queue-position")).ToHaveTextAsync("You are number 1 in the queue (about 2 min)", new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#rooms button[aria-current=true]")).ToContainTextAsync(secondRoom[..10], new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync("Rita joined the chat");
        Assert.Equal([2, 1], (await QueueEventsAsync(third.Page)).Select(e => e.Position).Distinct());

        // A second agent comes online: the third visitor is his.
        await using var sam = await Agent.CreateAsync(Server.BaseAddress, Server.AdminKey, "sam", "Sam", Department);
        (await sam.Http.PutAsJsonAsync("api/v1/agent/presence", new { status = "online" })).EnsureSuccessStatusCode();
        await Assertions.Expect(third.Root.GetByText("Sam joined the chat", new() { Exact = true })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(third.GetByTestId("queue-position")).ToBeHiddenAsync();
        var presence = await sam.Http.GetFromJsonAsync<JsonObject>("api/v1/agent/presence");
        Assert.Equal([thirdRoom], presence!["roomIds"]!.AsArray().Select(r => r!.GetValue<string>()));

        // Bad input names the field and changes nothing.
        var refused = await sam.Http.PutAsJsonAsync("api/v1/agent/presence", new { status = "busy" });
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Contains("status", await refused.Content.ReadAsStringAsync());
        Assert.Equal(400, (int)(await admin.PutAsJsonAsync("api/v1/admin/agents/rita/capacity", new { capacity = 101 })).StatusCode);

        await consoleContext.CloseAsync();
        foreach (var visitor in new[] { first, second, third }) await visitor.Page.Context.CloseAsync();
    }

    private sealed record Widget(IPage Page, ILocator Root)
    {
        public ILocator GetByTestId(string id) => Root.GetByTestId(id);
    }

    private sealed record QueueInfo(int Position, int EstimatedWaitSeconds);

    private async Task<(Widget Widget, string RoomId)> OpenChatAsync()
    {
        var context = await fixture.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 760 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        await page.EvaluateAsync("() => new Promise((resolve) => Verloop(function () { this.openWidget(); resolve(); }))");
        var widget = new Widget(page, page.Locator("#verloop-widget"));
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        var roomId = await page.EvaluateAsync<string>("() => window.__events.find(e => e.name === 'onChatStarted').arg.roomId");
        return (widget, roomId);
    }

    /// <summary>What the page's onQueuePositionChanged handler (the demo page logs every handler) was called with.</summary>
    private static async Task<IReadOnlyList<QueueInfo>> QueueEventsAsync(IPage page)
    {
        var events = await page.EvaluateAsync<JsonElement>("() => window.__events.filter(e => e.name === 'onQueuePositionChanged').map(e => e.arg)");
        return events.EnumerateArray()
            .Select(e => new QueueInfo(e.GetProperty("position").GetInt32(), e.GetProperty("estimatedWaitSeconds").GetInt32()))
            .ToList();
    }
}
