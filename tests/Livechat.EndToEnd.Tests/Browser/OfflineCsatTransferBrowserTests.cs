using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// Business hours, the offline form, CSAT and the transfer with a note, with a visitor and agents in separate browser
/// contexts of headless Chromium on the real host.
/// </summary>
public sealed class OfflineCsatTransferBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 20_000 };
    private static readonly LocatorAssertionsToContainTextOptions SoonText = new() { Timeout = 20_000 };

    private FunctionsHost Server => fixture.Server;

    [Fact]
    public async Task OutsideHours_TheVisitorGetsTheForm_AndTheMessageReachesTheConsolesOfflineList()
    {
        using var admin = Agent.Admin(Server.BaseAddress, Server.AdminKey);
        (await admin.PutAsJsonAsync("api/v1/admin/departments/after-hours", new { name = "After hours", @public = false })).EnsureSuccessStatusCode();
        // Open on no weekday, and today a holiday: outside hours whatever the time.
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var bad = await admin.PutAsJsonAsync("api/v1/admin/departments/after-hours/hours", new { timeZone = "Not/AZone", intervals = Array.Empty<object>() });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("timeZone", await bad.Content.ReadAsStringAsync());
        (await admin.PutAsJsonAsync("api/v1/admin/departments/after-hours/hours",
            new { timeZone = "Pacific/Auckland", intervals = Array.Empty<object>(), holidays = new[] { today } })).EnsureSuccessStatusCode();

        var console = await SignInAsync("olga", "Olga", "after-hours");
        var (visitor, widget, roomId) = await OpenChatAsync();

        var transfer = await Agent.TransferAsync(Server.BaseAddress, Server.AdminKey, roomId, "after-hours");
        transfer.EnsureSuccessStatusCode();
        Assert.True((await transfer.Content.ReadFromJsonAsync<JsonObject>())!["offline"]!.GetValue<bool>());

        var form = widget.GetByTestId("offline-form");
        await Assertions.Expect(form).ToBeVisibleAsync(Soon);
        await Assertions.Expect(form).ToContainTextAsync("We're away right now");
        Assert.DoesNotContain("Connecting you to an agent", await widget.InnerTextAsync());
        await AxeAudit.AssertNoSeriousFindingsAsync(visitor, "the widget's offline form", "#verloop-widget");
        // A reload shows the form again (the transcript read says it was offered).
        await visitor.ReloadAsync();
        await visitor.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        await visitor.EvaluateAsync("() => new Promise((resolve) => Verloop(function () { this.openWidget(); resolve(); }))");
        await Assertions.Expect(form).ToBeVisibleAsync(Soon);
        await widget.GetByTestId("offline-name").FillAsync("Vera Visitor");
        await widget.GetByTestId("offline-email").FillAsync("vera@example.com");
        await widget.GetByTestId("offline-message").FillAsync("Please call me back about my order 1234.");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "widget-offline-form.png") });
        await widget.GetByTestId("offline-send").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("offline-form-status")).ToContainTextAsync("Thank you", SoonText);

        // The console's list shows it (the agent's department only), with whom to answer.
        var item = console.Locator($"#offline-list li[data-room-id='{roomId}']");
        await Assertions.Expect(item).ToContainTextAsync("Vera Visitor", SoonText);
        await Assertions.Expect(item).ToContainTextAsync("vera@example.com");
        await Assertions.Expect(item).ToContainTextAsync("Please call me back about my order 1234.");

        // Stored as the room: ended, marked offline, the message in its transcript; listed by the dashboard's filter.
        var detail = (await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/conversations/{roomId}"))!;
        Assert.Equal(("ended", "left", "vera@example.com"), (detail["status"]!.GetValue<string>(), detail["offline"]!.GetValue<string>(), detail["contact"]!["email"]!.GetValue<string>()));
        Assert.Contains(detail["messages"]!.AsArray(), m => m!["text"]!.GetValue<string>() == "Please call me back about my order 1234.");
        var listed = (await admin.GetFromJsonAsync<JsonObject>("api/v1/admin/conversations?offline=true"))!;
        Assert.Contains(listed["conversations"]!.AsArray(), c => c!["roomId"]!.GetValue<string>() == roomId);
        await visitor.Context.CloseAsync();
        await console.Context.CloseAsync();
    }

    [Fact]
    public async Task AgentChatEnds_TheWidgetAsksForARating_AndItIsStoredOnce()
    {
        var console = await SignInAsync("carl", "Carl", "rating");
        var (visitor, widget, roomId) = await OpenChatAsync();
        await ClaimAsync(console, roomId, "rating", "Carl");
        await console.Locator("#text").FillAsync("Happy to help!");
        await console.Locator("#send").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Happy to help!" })).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        await console.Locator("#close-room").ClickAsync();
        var prompt = widget.GetByTestId("csat");
        await Assertions.Expect(prompt).ToBeVisibleAsync(Soon);
        await Assertions.Expect(prompt).ToContainTextAsync("How was your chat?");
        await AxeAudit.AssertNoSeriousFindingsAsync(visitor, "the widget's rating prompt", "#verloop-widget");
        await widget.GetByTestId("csat-star-4").ClickAsync();
        await widget.GetByTestId("csat-comment").FillAsync("Quick and kind");
        await widget.GetByTestId("csat-send").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("csat-status")).ToContainTextAsync("Thank you for your feedback", SoonText);

        using var admin = Agent.Admin(Server.BaseAddress, Server.AdminKey);
        var detail = (await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/conversations/{roomId}"))!;
        Assert.Equal((4, "Quick and kind"), (detail["csat"]!["rating"]!.GetValue<int>(), detail["csat"]!["comment"]!.GetValue<string>()));
        // The console shows the rating under the chat.
        await Assertions.Expect(console.Locator("#csat-line")).ToContainTextAsync("4/5", SoonText);

        // Once: a second answer is refused.
        using var visitorHttp = await VisitorHttpAsync(visitor);
        var again = await visitorHttp.PostAsJsonAsync($"api/v1/rooms/{roomId}/csat", new { rating = 1 });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        await visitor.Context.CloseAsync();
        await console.Context.CloseAsync();
    }

    [Fact]
    public async Task TransferWithNote_ReachesTheOtherAgent_AndTheNoteNeverReachesTheVisitor()
    {
        var ann = await SignInAsync("hana", "Hana", "handover");
        var bob = await SignInAsync("boris", "Boris", "handover");
        var (visitor, widget, roomId) = await OpenChatAsync();
        await ClaimAsync(ann, roomId, "handover", "Hana");

        const string Secret = "Internal: wants a refund for order 1234, identity already checked";
        await ann.Locator("#transfer-agent").FillAsync("boris");
        await ann.Locator("#transfer-note").FillAsync(Secret);
        await ann.Locator("#transfer").ClickAsync();
        await Assertions.Expect(ann.Locator("#status")).ToContainTextAsync("Transferred to boris", SoonText);

        // Boris's console opens the chat with the note; the visitor reads that Boris joined.
        await Assertions.Expect(bob.Locator("#log .msg.note")).ToContainTextAsync(Secret, SoonText);
        await Assertions.Expect(bob.Locator("#chat-title")).ToContainTextAsync(roomId[..10], SoonText);
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Boris joined the chat" })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await bob.Locator("#text").FillAsync("Boris here, I have your refund.");
        await bob.Locator("#send").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Boris here, I have your refund." })).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        // Messages after the note reached the widget, so the note would have too: not in the DOM, not in the transcript.
        Assert.DoesNotContain("wants a refund", await widget.InnerTextAsync());
        Assert.DoesNotContain("wants a refund", await visitor.ContentAsync());
        using var visitorHttp = await VisitorHttpAsync(visitor);
        var transcript = await visitorHttp.GetStringAsync($"api/v1/rooms/{roomId}/messages?afterSeq=0");
        Assert.Contains("Boris here", transcript);
        Assert.DoesNotContain("wants a refund", transcript);
        await visitor.Context.CloseAsync();
        await ann.Context.CloseAsync();
        await bob.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string agentId, string name, string department)
    {
        var agent = await Agent.CreateAsync(Server.BaseAddress, Server.AdminKey, agentId, name, department);
        var context = await fixture.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var console = await context.NewPageAsync();
        await console.GotoAsync(new Uri(Server.BaseAddress, "agent/").ToString());
        await console.Locator("#token").FillAsync(agent.Token);
        await console.Locator("#sign-in button").ClickAsync();
        await Assertions.Expect(console.Locator("#who")).ToContainTextAsync($"{name} ({agentId})", SoonText);
        return console;
    }

    private async Task<(IPage Visitor, ILocator Widget, string RoomId)> OpenChatAsync()
    {
        var context = await fixture.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 480, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        await page.EvaluateAsync("() => new Promise((resolve) => Verloop(function () { this.openWidget(); resolve(); }))");
        var widget = page.Locator("#verloop-widget");
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        var roomId = await page.EvaluateAsync<string>("() => window.__events.find(e => e.name === 'onChatStarted').arg.roomId");
        return (page, widget, roomId);
    }

    private async Task ClaimAsync(IPage console, string roomId, string department, string agentName)
    {
        (await Agent.TransferAsync(Server.BaseAddress, Server.AdminKey, roomId, department)).EnsureSuccessStatusCode();
        await console.Locator($"#queues li[data-room-id='{roomId}']").GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync($"{agentName} joined the chat", SoonText);
    }

    private async Task<HttpClient> VisitorHttpAsync(IPage visitor)
    {
        var token = await visitor.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('verloop.session')).token");
        var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }
}
