using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// The dashboard's sign-in and Team page in headless Chromium, with real clicks: what a support lead does to set up
/// departments and agents, and what the invited agent sees in the console.
/// </summary>
public sealed class DashboardTeamBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    private static readonly BrowserNewPageOptions Wide = new() { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } };
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 20_000 };
    // One host and browser for the class: each test makes its own visitors, agents and departments.
    private FunctionsHost _server => fixture.Server;
    private ChromiumSession _chromium => fixture.Chromium;
    private string AdminKey => fixture.Server.AdminKey;

    [Fact]
    public async Task Dashboard_WrongKeyIsRefusedWithAMessage_TheRightKeyIsKeptForTheTabOnly()
    {
        var page = await _chromium.Browser.NewPageAsync(Wide);
        await page.GotoAsync(new Uri(_server.BaseAddress, "dashboard/").ToString());
        // No Easy Auth in this deployment: the app says so, and the key form is the way in.
        await Assertions.Expect(page.Locator("#admin-key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#entra-sign-in")).ToBeHiddenAsync();
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "the sign-in page");

        await page.Locator("#admin-key").FillAsync("browser-tests-admin-key-0123456789-WRONG");
        await page.Locator("#sign-in button").ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("The admin key was refused.", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#page")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('livechat-dashboard-admin-key')"));

        await page.Locator("#admin-key").FillAsync(AdminKey);
        await page.Locator("#sign-in button").ClickAsync();
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("Signed in with the admin key", new() { Timeout = 20_000 });
        Assert.Equal(AdminKey, await page.EvaluateAsync<string?>("() => sessionStorage.getItem('livechat-dashboard-admin-key')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));

        // A reload keeps the tab signed in; a new tab (another session) is not.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("Signed in with the admin key", new() { Timeout = 20_000 });
        var other = await _chromium.Browser.NewPageAsync(Wide);
        await other.GotoAsync(new Uri(_server.BaseAddress, "dashboard/").ToString());
        await Assertions.Expect(other.Locator("#admin-key")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TeamPage_DepartmentInviteOnlineChatsAndRevoke_AsTheSupportLeadAndTheAgentSeeThem()
    {
        var dashboard = await _chromium.Browser.NewPageAsync(Wide);
        await dashboard.GotoAsync(new Uri(_server.BaseAddress, "dashboard/").ToString());
        await dashboard.Locator("#admin-key").FillAsync(AdminKey);
        await dashboard.Locator("#sign-in button").ClickAsync();
        await dashboard.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Team" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("main h1")).ToHaveTextAsync("Team", new() { Timeout = 20_000 });
        Assert.EndsWith("/dashboard/team", dashboard.Url);

        // A department, created on the page, is listed there and by the API.
        await dashboard.Locator("#department-id").FillAsync("billing");
        await dashboard.Locator("#department-name").FillAsync("Billing");
        await dashboard.Locator("#department-public").CheckAsync();
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Create department" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("#departments tr[data-department-id=billing]")).ToContainTextAsync("Billing", Soon);
        using var admin = Agent.Admin(_server.BaseAddress, AdminKey);
        var departments = await admin.GetFromJsonAsync<JsonObject>("api/v1/admin/departments");
        var billing = Assert.Single(departments!["departments"]!.AsArray(), d => d!["id"]!.GetValue<string>() == "billing");
        Assert.True(billing!["public"]!.GetValue<bool>());

        // Invite Bea to billing: the page shows a one-time link and lists her as invited.
        await dashboard.Locator("#invite-agent-id").FillAsync("bea");
        await dashboard.Locator("#invite-name").FillAsync("Bea");
        await dashboard.Locator("#invite-dept-billing").CheckAsync();
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Invite agent" }).ClickAsync();
        var linkBox = dashboard.Locator("#invite-link");
        await Assertions.Expect(linkBox).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/agent/\\?invite=[A-Za-z0-9_-]{43}$"), new() { Timeout = 20_000 });
        var link = await linkBox.InputValueAsync();
        var bea = dashboard.Locator("#agents tr[data-agent-id=bea]");
        await Assertions.Expect(bea.Locator("td.state")).ToHaveTextAsync("invited", new() { Timeout = 20_000 });

        // The link signs the console in as Bea, and leaves the address bar without the code.
        var console = await _chromium.Browser.NewPageAsync(Wide);
        await console.GotoAsync(link);
        await Assertions.Expect(console.Locator("#who")).ToContainTextAsync("Bea (bea) · billing", Soon);
        Assert.DoesNotContain("invite", console.Url);
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dash-team-console-invited.png" });

        // The same link again: refused, and the console says why.
        var again = await _chromium.Browser.NewPageAsync(Wide);
        await again.GotoAsync(link);
        await Assertions.Expect(again.Locator("#status")).ToContainTextAsync("This sign-in link does not work: A sign-in link works once.", Soon);
        await Assertions.Expect(again.Locator("#signed-out")).ToBeVisibleAsync();
        await Assertions.Expect(again.Locator("#signed-in")).ToBeHiddenAsync();
        Assert.DoesNotContain("invite", again.Url);
        await again.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dash-team-console-link-used.png" });

        // Online with no chats; then one chat once she claims a visitor's room.
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Assertions.Expect(bea.Locator("td.state")).ToHaveTextAsync("online", new() { Timeout = 20_000 });
        await Assertions.Expect(bea.Locator("td.chats")).ToHaveTextAsync("0");
        await using var visitor = await Visitor.CreateAsync(_server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        (await Agent.TransferAsync(_server.BaseAddress, AdminKey, roomId, "billing")).EnsureSuccessStatusCode();
        var queued = console.Locator($"#queues li[data-room-id='{roomId}']");
        await Assertions.Expect(queued).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await queued.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync("Bea joined the chat", Soon);
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Assertions.Expect(bea.Locator("td.chats")).ToHaveTextAsync("1", new() { Timeout = 20_000 });
        await Assertions.Expect(bea).ToContainTextAsync("billing");
        await AxeAudit.AssertNoSeriousFindingsAsync(dashboard, "the team page");
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dash-team-team.png", FullPage = true });
        Directory.CreateDirectory(Path.Combine(StackPaths.Root, "docs"));
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "dashboard-team.png"), FullPage = true });

        // A bad id is refused with the server's message naming the field, and nothing is created.
        await dashboard.Locator("#department-id").FillAsync("no spaces");
        await dashboard.Locator("#department-name").FillAsync("Nope");
        await dashboard.Locator("#department-id").EvaluateAsync("e => e.removeAttribute('pattern')");
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Create department" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("#team-departments .error")).ToContainTextAsync("departmentId", Soon);
        await Assertions.Expect(dashboard.Locator("#departments tr[data-department-id]")).ToHaveCountAsync(1);

        // Revoke her on the page: she leaves the list, and her console is refused and says why.
        await bea.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await bea.GetByRole(AriaRole.Button, new() { Name = "Sign Bea out everywhere" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("#status")).ToHaveTextAsync("Bea was signed out everywhere.", new() { Timeout = 20_000 });
        await Assertions.Expect(bea).ToHaveCountAsync(0);
        // The reason, not whatever call happened to fail after it.
        await Assertions.Expect(console.Locator("#status")).ToHaveTextAsync("Signed out: your agent token was revoked or has expired. Ask an administrator for a new one.", new() { Timeout = 30_000 });
        await Assertions.Expect(console.Locator("#signed-out")).ToBeVisibleAsync();
        await Assertions.Expect(console.Locator("#signed-in")).ToBeHiddenAsync();
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/dash-team-console-revoked.png" });
    }
}
