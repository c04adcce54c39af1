using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// The agent tools with a visitor and an agent in two browser contexts of headless Chromium: read marks both ways,
/// unread counts, internal notes that never reach the visitor, canned responses and the visitor panel.
/// </summary>
public sealed class AgentToolsBrowserTests(AgentToolsBrowserTests.Fixture fixture) : IClassFixture<AgentToolsBrowserTests.Fixture>
{
    private const string UserIdSecret = "agent-tools-browser-test-secret-at-least-32-characters";
    /// <summary>What the issue asks of a read mark: on the other side within a second.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1000 };

    private FunctionsHost Server => fixture.Server;

    [Fact]
    public async Task ReadMarks_ReachTheOtherSideWithinASecond_AndTheUnreadCountFollowsTheAgentsReads()
    {
        var (visitor, widget, console, roomId) = await StartChatWithAgentAsync("tara", "Tara", "receipts", signedUserId: null);

        // The agent has the chat open in a visible tab: the visitor's message is seen, and the widget says so.
        await widget.GetByTestId("input").FillAsync("Hello, anyone there?");
        await widget.GetByTestId("send").ClickAsync();
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync("Hello, anyone there?", new() { Timeout = 20_000 });
        var hello = widget.GetByTestId("message").Filter(new() { HasText = "Hello, anyone there?" });
        await Assertions.Expect(hello.GetByTestId("seen")).ToBeVisibleAsync(WithinASecond);

        // The widget's window is open and its tab visible: the agent's answer is seen, and the console says so.
        await console.Locator("#text").FillAsync("Yes, Tara here.");
        await console.Locator("#send").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Yes, Tara here." })).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        var answer = console.Locator("#log .msg[data-sender=agent]").Filter(new() { HasText = "Yes, Tara here." });
        await Assertions.Expect(answer.GetByTestId("seen")).ToBeVisibleAsync(WithinASecond);

        // The console's tab goes to the background: the visitor's next messages count as unread, and stay unseen.
        await SetVisibilityAsync(console, "hidden");
        await widget.GetByTestId("input").FillAsync("One more question");
        await widget.GetByTestId("send").ClickAsync();
        await widget.GetByTestId("input").FillAsync("about shipping");
        await widget.GetByTestId("send").ClickAsync();
        var unread = console.Locator($"#rooms button:has-text('{roomId[..10]}') [data-testid=unread]");
        await Assertions.Expect(unread).ToHaveTextAsync("2", new() { Timeout = 20_000 });
        await Assertions.Expect(unread).ToBeVisibleAsync();
        Assert.Equal(0, await widget.GetByTestId("message").Filter(new() { HasText = "about shipping" }).GetByTestId("seen").CountAsync());

        // Back to the console: read, the count drops to nothing, and the visitor's "Seen" moves to their last message.
        await SetVisibilityAsync(console, "visible");
        await Assertions.Expect(unread).ToBeHiddenAsync(new() { Timeout = 1000 });
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "about shipping" }).GetByTestId("seen")).ToBeVisibleAsync(WithinASecond);
        await Assertions.Expect(widget.GetByTestId("seen")).ToHaveCountAsync(1);

        // The watermarks are stored, so a reloaded console starts from them: both sides have seen the last message.
        // (The visitor's own last report may have been a throttled one, made again a moment later.)
        using var agentHttp = AgentHttp(await console.EvaluateAsync<string>("() => sessionStorage.getItem('livechat-agent-token')"));
        JsonObject transcript;
        long last;
        var deadline = DateTime.UtcNow.AddSeconds(5);
        do
        {
            transcript = (await agentHttp.GetFromJsonAsync<JsonObject>($"api/v1/agent/rooms/{roomId}/messages"))!;
            last = transcript["messages"]!.AsArray().Max(m => m!["seq"]!.GetValue<long>());
            if (transcript["read"]!["visitor"]!.GetValue<long>() == last) break;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(last, transcript["read"]!["agent"]!.GetValue<long>());
        Assert.Equal(last, transcript["read"]!["visitor"]!.GetValue<long>());
        await visitor.Context.CloseAsync();
        await console.Context.CloseAsync();
    }

    [Fact]
    public async Task Note_NeverReachesTheVisitor_CannedResponseExpands_AndThePanelShowsWhoTheVisitorIs()
    {
        using var admin = Agent.Admin(Server.BaseAddress, Server.AdminKey);
        (await admin.PutAsJsonAsync("api/v1/admin/departments/tools", new { name = "Tools desk", @public = false })).EnsureSuccessStatusCode();
        const string Refund = "Your refund is on its way: it reaches your account in 3 to 5 working days.";
        (await admin.PutAsJsonAsync("api/v1/admin/departments/tools/canned-responses/refund", new { text = Refund })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("api/v1/admin/departments/tools/canned-responses/hello", new { text = "Hello! How can I help?" })).EnsureSuccessStatusCode();

        var (visitor, widget, console, roomId) = await StartChatWithAgentAsync("nils", "Nils", "tools", signedUserId: "nora-42");

        // The panel: the params and fields the page set, the verified user id, the page the visitor is on.
        var panel = console.Locator("#visitor-panel");
        await Assertions.Expect(panel.GetByTestId("visitor-name")).ToHaveTextAsync("Nora Lind", new() { Timeout = 20_000 });
        await Assertions.Expect(panel.GetByTestId("visitor-email")).ToHaveTextAsync("nora@example.com");
        await Assertions.Expect(panel.GetByTestId("visitor-user")).ToHaveTextAsync("nora-42 · verified");
        await Assertions.Expect(panel).ToContainTextAsync("plan");
        await Assertions.Expect(panel).ToContainTextAsync("gold");
        await Assertions.Expect(panel.GetByTestId("visitor-page")).ToContainTextAsync(Server.BaseAddress.GetLeftPart(UriPartial.Authority), new() { Timeout = 20_000 });

        // A note: the agents see it in the transcript, styled as a note.
        const string Secret = "Internal: VIP customer, refund approved by Maria";
        await console.Locator("#text").FillAsync(Secret);
        await console.Locator("#add-note").ClickAsync();
        await Assertions.Expect(console.Locator("#log .msg.note")).ToContainTextAsync(Secret, new() { Timeout = 20_000 });

        // "/" lists the department's shortcuts; Tab expands the one chosen into the box, to edit before sending.
        var text = console.Locator("#text");
        await text.FocusAsync();
        await text.PressSequentiallyAsync("/re");
        var canned = console.Locator("#canned");
        await Assertions.Expect(canned).ToBeVisibleAsync();
        await Assertions.Expect(canned.GetByRole(AriaRole.Option)).ToHaveCountAsync(1);
        await Assertions.Expect(canned.GetByRole(AriaRole.Option)).ToContainTextAsync("/refund");
        await Assertions.Expect(text).ToHaveAttributeAsync("aria-expanded", "true");
        await AxeAudit.AssertNoSeriousFindingsAsync(console, "the agent console with a note, the canned list and the visitor panel");
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "console-note-canned-panel.png") });
        await text.PressAsync("Tab");
        await Assertions.Expect(text).ToHaveValueAsync(Refund);
        await Assertions.Expect(canned).ToBeHiddenAsync();
        await text.PressSequentiallyAsync(" Sorry for the wait!");
        await text.PressAsync("Enter");
        var sent = Refund + " Sorry for the wait!";
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = sent })).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        // The answer written after the note has reached the widget, so the note would have too: it did not, anywhere.
        Assert.DoesNotContain("VIP customer", await widget.InnerTextAsync());
        var incoming = await visitor.Page.EvaluateAsync<JsonElement>("() => window.__events.filter(e => e.name === 'onIncomingMessage').map(e => e.arg.text)");
        Assert.Contains(sent, incoming.EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain(incoming.EnumerateArray(), t => t.GetString()!.Contains("VIP customer", StringComparison.Ordinal));
        var visitorToken = await visitor.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('verloop.session')).token");
        using var visitorHttp = new HttpClient { BaseAddress = Server.BaseAddress };
        visitorHttp.DefaultRequestHeaders.Authorization = new("Bearer", visitorToken);
        var visitorTranscript = await visitorHttp.GetStringAsync($"api/v1/rooms/{roomId}/messages?afterSeq=0");
        Assert.Contains("Sorry for the wait!", visitorTranscript);
        Assert.DoesNotContain("VIP customer", visitorTranscript);
        // The seq stays gap-free for the visitor (and the room's orchestration): the note took no number.
        var seqs = JsonNode.Parse(visitorTranscript)!["messages"]!.AsArray().Select(m => m!["seq"]!.GetValue<long>()).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);

        // The dashboard's conversation detail has the note.
        var detail = await admin.GetFromJsonAsync<JsonObject>($"api/v1/admin/conversations/{roomId}");
        Assert.Equal(Secret, detail!["notes"]!.AsArray().Single()!["text"]!.GetValue<string>());
        await visitor.Context.CloseAsync();
        await console.Context.CloseAsync();
    }

    private sealed record VisitorTab(IBrowserContext Context, IPage Page);

    /// <summary>
    /// A visitor (in a context of their own) who set their params, a field and, when given, a user id their server
    /// signed, opens the chat; the admin transfers it to <paramref name="department"/>; an agent's console (in another
    /// context) claims it.
    /// </summary>
    private async Task<(VisitorTab Visitor, ILocator Widget, IPage Console, string RoomId)> StartChatWithAgentAsync(
        string agentId, string agentName, string department, string? signedUserId)
    {
        var visitorContext = await fixture.Chromium.Browser.NewContextAsync();
        var visitorPage = await visitorContext.NewPageAsync();
        await visitorPage.GotoAsync(Server.BaseAddress.ToString());
        await visitorPage.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        var signature = signedUserId is null ? "" : Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(UserIdSecret), Encoding.UTF8.GetBytes(signedUserId)));
        await visitorPage.EvaluateAsync(
            """
            ([userId, signature]) => new Promise((resolve) => Verloop(function () {
              this.setUserParams({ name: 'Nora Lind', email: 'nora@example.com' });
              if (userId) this.setUserId(userId, signature);
              this.setCustomField('plan', 'gold', { scope: 'user' });
              this.openWidget();
              resolve();
            }))
            """, new[] { signedUserId ?? "", signature });
        var widget = visitorPage.Locator("#verloop-widget");
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        var roomId = await visitorPage.EvaluateAsync<string>("() => window.__events.find(e => e.name === 'onChatStarted').arg.roomId");

        var agent = await Agent.CreateAsync(Server.BaseAddress, Server.AdminKey, agentId, agentName, department);
        var consoleContext = await fixture.Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 760 } });
        var console = await consoleContext.NewPageAsync();
        await console.GotoAsync(new Uri(Server.BaseAddress, "agent/").ToString());
        await console.Locator("#token").FillAsync(agent.Token);
        await console.Locator("#sign-in button").ClickAsync();
        await Assertions.Expect(console.Locator("#who")).ToContainTextAsync($"{agentName} ({agentId})", new() { Timeout = 20_000 });
        (await Agent.TransferAsync(Server.BaseAddress, Server.AdminKey, roomId, department)).EnsureSuccessStatusCode();
        var queued = console.Locator($"#queues li[data-room-id='{roomId}']");
        await queued.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync($"{agentName} joined the chat", new() { Timeout = 20_000 });
        return (new VisitorTab(visitorContext, visitorPage), widget, console, roomId);
    }

    /// <summary>Makes the page believe its tab went to the background or came back (headless tabs are always visible).</summary>
    private static Task SetVisibilityAsync(IPage page, string state) =>
        page.EvaluateAsync(
            """
            (state) => {
              Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
              Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
              document.dispatchEvent(new Event('visibilitychange'));
            }
            """, state);

    private HttpClient AgentHttp(string token)
    {
        var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return http;
    }

    /// <summary>One host (with a user-id secret, so the panel can show a verified user) and one browser for the class.</summary>
    public sealed class Fixture : WidgetBrowserTests.HostAndChromium
    {
        protected override IDictionary<string, string>? Settings => new Dictionary<string, string> { ["Identity__UserIdSecret"] = UserIdSecret };
    }
}
