using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// The support lead's dashboard in headless Chromium after a real chat: a visitor clicks a quick reply and types on
/// the demo page, an agent takes the chat and answers; the lead sees the overview's figures, finds the chat by a
/// word the visitor typed, and reads it beside the visitor's params and custom fields.
/// </summary>
public sealed class DashboardConversationsBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    // One host and browser for the class: each test makes its own visitors, agents and departments.
    private FunctionsHost _server => fixture.Server;
    private ChromiumSession _chromium => fixture.Chromium;
    private string AdminKey => fixture.Server.AdminKey;

    [Fact]
    public async Task SupportLead_SeesTheOverview_FindsTheChatByAWordTheVisitorTyped_AndReadsIt()
    {
        var visitorPage = await _chromium.Browser.NewPageAsync();
        await visitorPage.GotoAsync(_server.BaseAddress.ToString());
        await visitorPage.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        await visitorPage.EvaluateAsync("() => Verloop(function () { this.setUserParams({ name: 'Alice Example', email: 'alice@example.com' }); })");
        var widget = visitorPage.Locator("#verloop-widget");
        await widget.GetByTestId("bubble").ClickAsync();
        await widget.GetByTestId("quick-reply").Filter(new() { HasText = "Pricing" }).ClickAsync();
        await Assertions.Expect(widget.GetByText("Our plans start at $10 a month. Anything else?")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        var roomId = await visitorPage.EvaluateAsync<string>("() => window.__events.find(e => e.name === 'onChatStarted').arg.roomId");
        await visitorPage.EvaluateAsync("() => Verloop(function () { this.setCustomField('plan', 'gold', { scope: 'room' }); })");
        await widget.GetByTestId("input").FillAsync("Do you ship to Norway?");
        await widget.GetByTestId("send").ClickAsync();

        using var admin = Agent.Admin(_server.BaseAddress, AdminKey);
        await WaitForAsync(async () =>
        {
            var room = await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/conversations/{roomId}");
            return room!["roomFields"]!.AsArray().Count == 1 && room["messages"]!.AsArray().Any(m => m!["text"]!.GetValue<string>() == "Do you ship to Norway?");
        }, "the visitor's message and room field are stored");

        await using var agent = await Agent.CreateAsync(_server.BaseAddress, AdminKey, "ann", "Ann", "sales");
        (await Agent.TransferAsync(_server.BaseAddress, AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        var waiting = await admin.GetFromJsonAsync<JsonObject>("api/v1/admin/overview?days=14");
        Assert.Equal(1, waiting!["waitingNow"]!.GetValue<int>());
        (await agent.ClaimAsync(roomId)).EnsureSuccessStatusCode();
        (await agent.SendAsync(roomId, "a1", "Hi Alice, yes: we ship to Norway.")).EnsureSuccessStatusCode();
        await Assertions.Expect(widget.GetByText("Hi Alice, yes: we ship to Norway.")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        var dashboard = await _chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } });
        await dashboard.GotoAsync(new Uri(_server.BaseAddress, "dashboard/").ToString());
        await dashboard.Locator("#admin-key").FillAsync(AdminKey);
        await dashboard.Locator("#sign-in button").ClickAsync();
        await Assertions.Expect(dashboard.Locator("#figure-today .value")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await Assertions.Expect(dashboard.Locator("#figure-waiting .value")).ToHaveTextAsync("0");
        await Assertions.Expect(dashboard.Locator("#figure-reply .value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(under 1 s|\d+ (s|min))"));
        await Assertions.Expect(dashboard.Locator("#figure-reply .hint")).ToContainTextAsync("over 1 answered chat");
        // Today's bar is the only one drawn full height; the other 13 days have none.
        await Assertions.Expect(dashboard.Locator("#chats-chart rect.bar:not(.empty)")).ToHaveCountAsync(1);
        await Assertions.Expect(dashboard.Locator("#chats-chart rect.bar")).ToHaveCountAsync(14);
        await AxeAudit.AssertNoSeriousFindingsAsync(dashboard, "a dashboard page");
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dash-conv-overview.png", FullPage = true });
        Directory.CreateDirectory(Path.Combine(StackPaths.Root, "docs"));
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "dashboard-overview.png") });

        await dashboard.GetByRole(AriaRole.Link, new() { Name = "Conversations" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator($"#conversations tr[data-room-id='{roomId}']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await dashboard.Locator("#filter-q").FillAsync("zebra");
        await dashboard.Locator("#filter-q").PressAsync("Enter");
        await Assertions.Expect(dashboard.Locator("#conversations-empty")).ToHaveTextAsync("No conversations match.", new() { Timeout = 20_000 });
        await dashboard.Locator("#filter-q").FillAsync("NORWAY");
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var row = dashboard.Locator($"#conversations tr[data-room-id='{roomId}']");
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        Assert.Contains("q=NORWAY", dashboard.Url);
        await Assertions.Expect(row).ToContainTextAsync("Alice Example");
        await Assertions.Expect(row).ToContainTextAsync("agent");
        await Assertions.Expect(row).ToContainTextAsync("Hi Alice, yes: we ship to Norway.");
        await AxeAudit.AssertNoSeriousFindingsAsync(dashboard, "a dashboard page");
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dash-conv-list.png", FullPage = true });

        await row.Locator("td").Nth(2).ClickAsync();
        await dashboard.WaitForURLAsync($"**/dashboard/conversations/{roomId}", new() { Timeout = 20_000 });
        var transcript = dashboard.Locator("#transcript");
        await Assertions.Expect(transcript.Locator(".from-visitor").Filter(new() { HasText = "Do you ship to Norway?" })).ToContainTextAsync("Visitor");
        await Assertions.Expect(transcript.Locator(".from-bot").Filter(new() { HasText = "Our plans start at $10 a month." })).ToContainTextAsync("Bot");
        await Assertions.Expect(transcript.Locator(".from-agent")).ToContainTextAsync("Agent (ann)");
        await Assertions.Expect(transcript.Locator(".from-agent time")).ToHaveCountAsync(1);
        await Assertions.Expect(dashboard.Locator("#room-fields")).ToContainTextAsync("plangold");
        await Assertions.Expect(dashboard.Locator("#visitor")).ToContainTextAsync("Alice Example");
        await Assertions.Expect(dashboard.Locator("#visitor")).ToContainTextAsync("alice@example.com");
        await Assertions.Expect(dashboard.Locator("#visitor")).ToContainTextAsync("anonymous visitor");
        await AxeAudit.AssertNoSeriousFindingsAsync(dashboard, "a dashboard page");
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dash-conv-detail.png", FullPage = true });
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "dashboard-conversations.png") });

        // The transcript is text, and the key stays in this tab only.
        Assert.Null(await dashboard.EvaluateAsync<string?>("() => localStorage.getItem('livechat-dashboard-admin-key')"));
    }

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(200);
        }
    }
}
