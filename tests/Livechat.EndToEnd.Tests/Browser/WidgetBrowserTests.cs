using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Text.Json;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>The widget in headless Chromium against the Functions app, used as a visitor would.</summary>
public sealed class WidgetBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    private FunctionsHost _server => fixture.Server;
    private ChromiumSession _chromium => fixture.Chromium;

    /// <summary>
    /// A customer's page on another origin holding only the README's snippet: the widget loads from the Functions
    /// app, calls its API across origins (the app answers CORS itself: the Functions host adds no headers) and hears
    /// the bot through the SignalR emulator.
    /// </summary>
    [Fact]
    public async Task CustomerPageOnAnotherOrigin_WithTheReadmeSnippet_ChatsWithTheBot()
    {
        using var site = new CustomerSite(_server.BaseAddress);
        var page = await _chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 760 } });
        var console = new List<string>();
        page.Console += (_, message) => { lock (console) console.Add(message.Text); };
        await page.GotoAsync(site.Origin + "/");

        var widget = page.Locator("#verloop-widget");
        await Assertions.Expect(widget.GetByTestId("message").First).ToContainTextAsync("Welcome to our chat", new() { Timeout = 30_000 });
        await widget.GetByTestId("quick-reply").Filter(new() { HasText = "Pricing" }).ClickAsync();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Our plans start at $10" }))
            .ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "customer-page.png") });

        lock (console)
        {
            Assert.Contains(console, line => line.StartsWith("Chat started r", StringComparison.Ordinal));
            Assert.Contains(console, line => line.Contains("Our plans start at $10", StringComparison.Ordinal));
            Assert.DoesNotContain(console, line => line.Contains("CORS", StringComparison.OrdinalIgnoreCase));
        }
        Assert.NotEqual(new Uri(site.Origin).Authority, _server.BaseAddress.Authority);
    }

    [Fact]
    public async Task DemoPage_OpenClickClose_HandlersFireInOrderAndBotMessagesShow()
    {
        var page = await _chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 760 } });
        await page.GotoAsync(_server.BaseAddress.ToString());
        await WaitForEventAsync(page, "onWidgetLoaded");

        var widget = page.Locator("#verloop-widget");
        await widget.GetByTestId("bubble").ClickAsync();
        var buttons = widget.GetByTestId("quick-reply");
        await Assertions.Expect(buttons).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        await Assertions.Expect(widget.GetByTestId("message").First).ToContainTextAsync("Welcome to our chat");

        await buttons.Filter(new() { HasText = "Pricing" }).ClickAsync();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Our plans start at $10" }))
            .ToHaveCountAsync(1, new() { Timeout = 20_000 });
        Directory.CreateDirectory(Path.Combine(StackPaths.Root, "docs"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "chat-window.png") });

        await widget.GetByTestId("close").ClickAsync();
        await WaitForEventAsync(page, "onChatEnded");

        var events = await EventsAsync(page);
        string[] expected = ["onWidgetLoaded", "onChatMaximized", "onChatStarted", "onIncomingMessage", "onButtonClicked", "onChatMinimized", "onChatEnded"];
        var firsts = expected.Select(name => events.FindIndex(e => e.Name == name)).ToList();
        Assert.All(firsts, index => Assert.True(index >= 0, "every handler fired: " + string.Join(", ", events.Select(e => e.Name))));
        Assert.Equal(firsts.Order(), firsts);

        var started = events.First(e => e.Name == "onChatStarted").Arg.GetProperty("roomId").GetString();
        var ended = events.First(e => e.Name == "onChatEnded").Arg.GetProperty("roomId").GetString();
        Assert.StartsWith("r", started);
        Assert.Equal(started, ended);
        var clicked = events.First(e => e.Name == "onButtonClicked").Arg;
        Assert.Equal("pricing", clicked.GetProperty("button").GetProperty("id").GetString());
        Assert.Equal(3, clicked.GetProperty("message").GetProperty("buttons").GetArrayLength());
        Assert.Contains(events, e => e.Name == "onIncomingMessage" && e.Arg.GetProperty("text").GetString()!.Contains("Our plans start at $10"));
    }

    private static async Task WaitForEventAsync(IPage page, string name) =>
        await page.WaitForFunctionAsync($"() => (window.__events || []).some(e => e.name === '{name}')", null, new() { Timeout = 20_000 });

    private static async Task<List<(string Name, JsonElement Arg)>> EventsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__events)");
        return JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("name").GetString()!, e.TryGetProperty("arg", out var arg) ? arg.Clone() : default))
            .ToList();
    }

    public class HostAndChromium : HostFixture
    {
        public ChromiumSession Chromium { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            var chromium = ChromiumSession.LaunchAsync();
            await base.InitializeAsync();
            Chromium = await chromium;
        }

        public override async Task DisposeAsync()
        {
            await Chromium.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
