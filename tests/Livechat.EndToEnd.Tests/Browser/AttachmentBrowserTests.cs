using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// Files both ways in headless Chromium, through upload links straight to Azurite's blob service: a visitor sends an
/// image, the agent's console shows its preview and sends a PDF back, the widget shows the link, the transcript has both.
/// </summary>
public sealed class AttachmentBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    /// <summary>A 160×100 PNG of purple and amber stripes.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAKAAAABkCAIAAACO1KzYAAAAxElEQVR42u3cMQ0AIAxE0YpBCyuSUYMKlrrocHnJV9C3XlpnPwVXTgBYgAVYgAVYgAUYsAALsAALsAALMGABFmAB1ijwv0vBAQYswAIswAIswAIMWIAFWIAFWIAFGLAAC7AAaxbYLM2qUoAFWIAFWIAFGLAAC7AAC7AACzBgARZgARZg+ZMlq0oBBizAAizAAizAAgxYgAVYgAVYgAUYsAALsPzJklWlAAuwAAMWYAEWYAEWYAEGLMACLMACLMACDNgVomvsohL7NzipTgAAAABJRU5ErkJggg==");

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray();

    private FunctionsHost _server => fixture.Server;
    private ChromiumSession _chromium => fixture.Chromium;

    [Fact]
    public async Task VisitorSendsAnImage_AgentSeesItAndSendsAPdf_BothReachTheOtherSideAndTheTranscript()
    {
        var visitorPage = await _chromium.Browser.NewPageAsync();
        await visitorPage.GotoAsync(_server.BaseAddress.ToString());
        await visitorPage.WaitForFunctionAsync("() => (window.__events || []).some(e => e.name === 'onWidgetLoaded')", null, new() { Timeout = 20_000 });
        var widget = visitorPage.Locator("#verloop-widget");
        await widget.GetByTestId("bubble").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        var roomId = await visitorPage.EvaluateAsync<string>("() => window.__events.find(e => e.name === 'onChatStarted').arg.roomId");

        await using var agent = await Agent.CreateAsync(_server.BaseAddress, _server.AdminKey, "ada", "Ada", "sales");
        (await Agent.TransferAsync(_server.BaseAddress, _server.AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        var console = await _chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 700 } });
        await console.GotoAsync(new Uri(_server.BaseAddress, "agent/").ToString());
        await console.Locator("#token").FillAsync(agent.Token);
        await console.Locator("#sign-in button").ClickAsync();
        var queued = console.Locator($"#queues li[data-room-id='{roomId}']");
        await Assertions.Expect(queued).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await queued.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(console.Locator("#log")).ToContainTextAsync("Ada joined the chat", new() { Timeout = 20_000 });

        // The attach button is a labelled button in the composer, reached by keyboard like the others.
        var attach = widget.GetByRole(AriaRole.Button, new() { Name = "Attach a file" });
        await Assertions.Expect(attach).ToBeVisibleAsync();
        await widget.GetByTestId("file-input").SetInputFilesAsync(new FilePayload { Name = "stripes.png", MimeType = "image/png", Buffer = Png });

        var preview = widget.GetByTestId("attachment-preview");
        await Assertions.Expect(preview).ToHaveAttributeAsync("alt", "stripes.png", new() { Timeout = 20_000 });
        // The preview really loads from storage through its read link (a refused link leaves the image 0 wide).
        await visitorPage.WaitForFunctionAsync(
            "() => { const i = document.querySelector('#verloop-widget').shadowRoot.querySelector('[data-testid=attachment-preview]'); return i && i.complete && i.naturalWidth === 160; }",
            null, new() { Timeout = 20_000 });
        var consolePreview = console.Locator("#log img.preview");
        await Assertions.Expect(consolePreview).ToHaveAttributeAsync("alt", "stripes.png", new() { Timeout = 20_000 });
        await console.WaitForFunctionAsync("() => { const i = document.querySelector('#log img.preview'); return i && i.complete && i.naturalWidth === 160; }",
            null, new() { Timeout = 20_000 });

        await console.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "prices.pdf", MimeType = "application/pdf", Buffer = Pdf });
        var link = widget.GetByTestId("attachment").Filter(new() { HasText = "prices.pdf" });
        await Assertions.Expect(link).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await visitorPage.WaitForFunctionAsync(
            "() => window.__events.some(e => e.name === 'onIncomingMessage' && e.arg.attachment && e.arg.attachment.name === 'prices.pdf' && e.arg.attachment.url)",
            null, new() { Timeout = 20_000 });
        // The link serves the PDF as it was sent.
        using (var http = new HttpClient())
        {
            var pdf = await http.GetAsync(await link.GetAttributeAsync("href"));
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal(Pdf, await pdf.Content.ReadAsByteArrayAsync());
        }

        Directory.CreateDirectory(Path.Combine(StackPaths.Root, "docs"));
        await widget.GetByTestId("window").ScreenshotAsync(new() { Path = Path.Combine(StackPaths.Root, "docs", "widget-attachment.png") });

        // The transcript the visitor's page reads carries both files, each with a fresh read link.
        var token = await visitorPage.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('verloop.session')).token");
        using var visitorHttp = new HttpClient { BaseAddress = _server.BaseAddress };
        visitorHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var transcript = await visitorHttp.GetFromJsonAsync<JsonElement>($"api/v1/rooms/{roomId}/messages");
        var files = transcript.GetProperty("messages").EnumerateArray()
            .Where(m => m.TryGetProperty("attachment", out var a) && a.ValueKind == JsonValueKind.Object)
            .Select(m => (Sender: m.GetProperty("sender").GetString(), Attachment: m.GetProperty("attachment"))).ToList();
        Assert.Equal(["visitor", "agent"], files.Select(f => f.Sender));
        Assert.Equal(("stripes.png", "image/png", (long)Png.Length),
            (files[0].Attachment.GetProperty("name").GetString(), files[0].Attachment.GetProperty("contentType").GetString(), files[0].Attachment.GetProperty("size").GetInt64()));
        Assert.Equal("application/pdf", files[1].Attachment.GetProperty("contentType").GetString());
        Assert.All(files, f => Assert.StartsWith("http", f.Attachment.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task UploadLinks_OnlyForTheCallersOwnRoom_AndOnlyForAllowedFiles()
    {
        await using var owner = await Visitor.CreateAsync(_server.BaseAddress);
        await using var stranger = await Visitor.CreateAsync(_server.BaseAddress);
        var roomId = await owner.OpenRoomAsync();
        var photo = new { name = "cat.png", contentType = "image/png", size = 100 };

        using var theirs = await stranger.AttachAsync(roomId, photo);
        using var html = await owner.AttachAsync(roomId, photo with { contentType = "text/html" });
        using var huge = await owner.AttachAsync(roomId, photo with { size = 50 * 1024 * 1024 });
        using var mine = await owner.AttachAsync(roomId, photo);

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.Contains("contentType", await html.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);

        // A file other than the one declared is refused when the message names it, naming what differs.
        var link = await mine.Content.ReadFromJsonAsync<JsonElement>();
        using var put = new HttpRequestMessage(HttpMethod.Put, link.GetProperty("uploadUrl").GetString()) { Content = new ByteArrayContent(Png) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Created, (await http.SendAsync(put)).StatusCode);
        using var posted = await owner.PostAsync(roomId, new { clientMessageId = "c-file", attachmentId = link.GetProperty("attachmentId").GetString() });
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("\"size\"", await posted.Content.ReadAsStringAsync());
    }
}
