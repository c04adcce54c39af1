using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// The widget as a keyboard and screen-reader user meets it, and in the visitor's language: axe-core audits the
/// closed bubble, the open window and the queue; the window is used with the keyboard alone.
/// </summary>
public sealed class WidgetAccessibilityBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    private const string ActiveTestId = "() => document.getElementById('verloop-widget').shadowRoot.activeElement?.dataset.testid ?? ''";

    [Fact]
    public async Task Widget_HasNoSeriousAxeFindings_ClosedOpenOrQueued_AndWorksWithTheKeyboardAlone()
    {
        var page = await fixture.Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 760 } });
        await page.GotoAsync(fixture.Server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        var widget = page.Locator("#verloop-widget");
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "the closed bubble", within: "verloop-widget");

        // Open with the keyboard: the typing field has the focus.
        await widget.GetByTestId("bubble").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(widget.GetByTestId("window")).ToBeVisibleAsync();
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        Assert.Equal("input", await page.EvaluateAsync<string>(ActiveTestId));
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "the open window", within: "verloop-widget");

        // Tab reaches a quick reply and Enter chooses it; Tab never leaves the open window.
        for (var i = 0; i < 8 && await page.EvaluateAsync<string>(ActiveTestId) != "quick-reply"; i++) await page.Keyboard.PressAsync("Tab");
        Assert.Equal("quick-reply", await page.EvaluateAsync<string>(ActiveTestId));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Our plans start at $10" })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync(i % 3 == 2 ? "Shift+Tab" : "Tab");
            Assert.True(await page.EvaluateAsync<bool>(
                "() => !!document.getElementById('verloop-widget').shadowRoot.activeElement?.closest('[data-testid=window]')"),
                $"after {i + 1} Tab presses the focus left the chat window");
        }

        // Queued for an agent: the window still audits clean.
        var roomId = await page.EvaluateAsync<string>("() => window.__events.find(e => e.name === 'onChatStarted').arg.roomId");
        (await Agent.TransferAsync(fixture.Server.BaseAddress, fixture.Server.AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Connecting you to an agent" })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "the queue", within: "verloop-widget");

        // Escape closes the window and gives the focus back to the bubble.
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(widget.GetByTestId("window")).ToBeHiddenAsync();
        Assert.Equal("bubble", await page.EvaluateAsync<string>(ActiveTestId));
    }

    [Fact]
    public async Task PageInArabic_GetsTheWidgetInArabic_RightToLeft_WithTheBubbleOnTheLeft()
    {
        using var site = new CustomerSite(fixture.Server.BaseAddress, lang: "ar");
        var page = await fixture.Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 760 } });
        await page.GotoAsync(site.Origin + "/");
        var widget = page.Locator("#verloop-widget");
        var bubble = widget.GetByTestId("bubble");
        await Assertions.Expect(bubble).ToHaveAttributeAsync("aria-label", "افتح المحادثة", new() { Timeout = 20_000 });

        var box = await bubble.BoundingBoxAsync();
        Assert.True(box!.X < 550, $"the bubble is at x={box.X}: a right-to-left page has it on the left");
        // The README's snippet opens the window itself.
        await Assertions.Expect(widget.GetByTestId("window")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(widget.GetByTestId("send")).ToHaveTextAsync("إرسال");
        await Assertions.Expect(widget.Locator(".root")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "the Arabic window", within: "verloop-widget");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "widget-arabic.png") });
    }

    [Fact]
    public async Task SnippetSetting_PicksTheLanguage_OverThePageAndTheBrowser()
    {
        using var site = new CustomerSite(fixture.Server.BaseAddress, lang: "fr");
        var page = await fixture.Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "es-ES" });
        await page.AddInitScriptAsync("window.VerloopConfig = { language: 'de' };");
        await page.GotoAsync(site.Origin + "/");

        var widget = page.Locator("#verloop-widget");
        await Assertions.Expect(widget.GetByTestId("bubble")).ToHaveAttributeAsync("aria-label", "Chat öffnen", new() { Timeout = 20_000 });
        await Assertions.Expect(widget.GetByTestId("window")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(widget.GetByTestId("send")).ToHaveTextAsync("Senden");
    }

    /// <summary>A tab the browser froze while an agent wrote: thawed, it shows what was said, once each and in order.</summary>
    [Fact]
    public async Task FrozenTab_ThawedAfterTheAgentWroteTwice_ShowsBothOnceEachInOrder()
    {
        var page = await fixture.Chromium.Browser.NewPageAsync();
        await page.GotoAsync(fixture.Server.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        var widget = page.Locator("#verloop-widget");
        await widget.GetByTestId("bubble").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        var roomId = await page.EvaluateAsync<string>("() => window.__events.find(e => e.name === 'onChatStarted').arg.roomId");
        await using var agent = await Agent.CreateAsync(fixture.Server.BaseAddress, fixture.Server.AdminKey, "fay", "Fay", "sales");
        (await Agent.TransferAsync(fixture.Server.BaseAddress, fixture.Server.AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        (await agent.ClaimAsync(roomId)).EnsureSuccessStatusCode();
        await Assertions.Expect(widget.GetByText("Fay joined the chat")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Page.setWebLifecycleState", new Dictionary<string, object> { ["state"] = "frozen" });
        (await agent.SendAsync(roomId, "f-1", "One moment, checking stock")).EnsureSuccessStatusCode();
        (await agent.SendAsync(roomId, "f-2", "Yes, the 40L is in stock")).EnsureSuccessStatusCode();
        await Task.Delay(1500);
        await cdp.SendAsync("Page.setWebLifecycleState", new Dictionary<string, object> { ["state"] = "active" });

        var first = widget.GetByTestId("message").Filter(new() { HasText = "One moment, checking stock" });
        var second = widget.GetByTestId("message").Filter(new() { HasText = "Yes, the 40L is in stock" });
        await Assertions.Expect(second).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(first).ToHaveCountAsync(1);
        var texts = await widget.GetByTestId("message").AllTextContentsAsync();
        Assert.True(texts.ToList().IndexOf("One moment, checking stock") < texts.ToList().IndexOf("Yes, the 40L is in stock"), string.Join(" | ", texts));
    }
}
