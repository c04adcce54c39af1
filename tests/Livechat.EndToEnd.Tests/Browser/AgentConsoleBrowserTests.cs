using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Text.Json;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>The agent console and the demo page in headless Chromium: an agent takes a visitor's chat and answers it.</summary>
public sealed class AgentConsoleBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    // One host and browser for the class: each test makes its own visitors, agents and departments.
    private FunctionsHost _server => fixture.Server;
    private ChromiumSession _chromium => fixture.Chromium;
    private string AdminKey => fixture.Server.AdminKey;

    [Fact]
    public async Task AgentConsole_ClaimsTheQueuedChatAndItsMessageReachesTheWidget()
    {
        var visitorPage = await _chromium.Browser.NewPageAsync();
        await visitorPage.GotoAsync(_server.BaseAddress.ToString());
        await visitorPage.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        var widget = visitorPage.Locator("#verloop-widget");
        await widget.GetByTestId("bubble").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        var roomId = await visitorPage.EvaluateAsync<string>("() => window.__events.find(e => e.name === 'onChatStarted').arg.roomId");

        await using var agent = await Agent.CreateAsync(_server.BaseAddress, AdminKey, "ann", "Ann", "sales");
        var console = await _chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 700 } });
        await console.GotoAsync(new Uri(_server.BaseAddress, "agent/").ToString());
        await console.Locator("#token").FillAsync(agent.Token);
        await console.Locator("#sign-in button").ClickAsync();
        await Assertions.Expect(console.Locator("#who")).ToContainTextAsync("Ann (ann) · sales", new() { Timeout = 20_000 });

        // Queued while the console is open: it appears live.
        (await Agent.TransferAsync(_server.BaseAddress, AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        var queued = console.Locator($"#queues li[data-room-id='{roomId}']");
        await Assertions.Expect(queued).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await queued.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync("Ann joined the chat", new() { Timeout = 20_000 });

        // Each side sees the other typing; nothing of it is stored.
        await console.Locator("#text").FillAsync("Hi, I'm Ann. <b>How</b> can I help?");
        await Assertions.Expect(widget.Locator(".typing")).ToHaveTextAsync("Agent is typing…", new() { Timeout = 20_000 });
        await console.Locator("#send").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Hi, I'm Ann. <b>How</b> can I help?" }))
            .ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await visitorPage.WaitForFunctionAsync(
            "() => window.__events.some(e => e.name === 'onIncomingMessage' && e.arg.sender === 'agent')", null, new() { Timeout = 20_000 });
        // The join is said once (it was shown twice: the transcript's line and a notice for the realtime event).
        await Assertions.Expect(widget.GetByText("Ann joined the chat", new() { Exact = true })).ToHaveCountAsync(1);

        await widget.GetByTestId("input").FillAsync("Do you ship to Norway?");
        await Assertions.Expect(console.Locator("#typing")).ToHaveTextAsync("Visitor is typing…", new() { Timeout = 20_000 });
        await widget.GetByTestId("send").ClickAsync();
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync("Do you ship to Norway?", new() { Timeout = 20_000 });
        Directory.CreateDirectory(Path.Combine(StackPaths.Root, "docs"));
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "agent-console.png") });

        await console.Locator("#close-room").ClickAsync();
        await visitorPage.WaitForFunctionAsync("() => window.__events.some(e => e.name === 'onChatEnded')", null, new() { Timeout = 20_000 });
        var ended = await visitorPage.EvaluateAsync<JsonElement>("() => window.__events.find(e => e.name === 'onChatEnded').arg");
        Assert.Equal(roomId, ended.GetProperty("roomId").GetString());
        // Text, never markup: the agent's "<b>" is shown as typed in both the console and the widget.
        Assert.Equal(0, await console.Locator("#log span b").CountAsync());
        Assert.Equal(0, await widget.Locator("[data-testid=message] b").CountAsync());
    }

    [Fact]
    public async Task AgentConsole_TokenRevokedByTheAdmin_SignsOutAndSaysWhy()
    {
        await using var agent = await Agent.CreateAsync(_server.BaseAddress, AdminKey, "rita", "Rita", "sales");
        var console = await _chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 700 } });
        await console.GotoAsync(new Uri(_server.BaseAddress, "agent/").ToString());
        await console.Locator("#token").FillAsync(agent.Token);
        await console.Locator("#sign-in button").ClickAsync();
        await Assertions.Expect(console.Locator("#who")).ToContainTextAsync("Rita (rita) · sales", new() { Timeout = 20_000 });

        using var admin = Agent.Admin(_server.BaseAddress, AdminKey);
        (await admin.DeleteAsync("api/v1/admin/agents/rita/tokens")).EnsureSuccessStatusCode();

        // The service closes the console's connection; the console reconnects, learns its token is gone, signs out.
        await Assertions.Expect(console.Locator("#status")).ToContainTextAsync("revoked", new() { Timeout = 30_000 });
        await Assertions.Expect(console.Locator("#signed-out")).ToBeVisibleAsync();
        await Assertions.Expect(console.Locator("#signed-in")).ToBeHiddenAsync();
        Assert.Null(await console.EvaluateAsync<string?>("() => sessionStorage.getItem('livechat-agent-token')"));
        // The sign-in hint names this deployment and no key.
        await Assertions.Expect(console.Locator("#origin")).ToHaveTextAsync(_server.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.DoesNotContain("local-development-only", await console.ContentAsync());
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "agent-console-revoked.png") });
    }
}
