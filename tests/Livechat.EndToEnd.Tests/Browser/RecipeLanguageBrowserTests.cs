using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// A recipe with German texts, on the real host: a German page gets the German greeting and button labels (the
/// greeting sent while the room opens, the answers by the room's orchestration once the visitor chooses), a French
/// page with no French texts gets the default ones, and bad tags are refused naming the field.
/// </summary>
public sealed class RecipeLanguageBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 30_000 };

    private static object Shop(object? menuVariants = null) => new
    {
        id = "shop-languages",
        name = "Shop, in languages",
        startBlockId = "greet",
        blocks = new object[]
        {
            new { id = "greet", type = "message", text = "Hello! Welcome to the shoe shop.", next = "menu",
                variants = new Dictionary<string, object> { ["de"] = new { text = "Hallo! Willkommen im Schuhladen." } } },
            new
            {
                id = "menu", type = "buttons", text = "How can we help?",
                buttons = new[] { new { id = "prices", label = "Prices", next = "prices" }, new { id = "returns", label = "Returns", next = "returns" } },
                variants = menuVariants ?? new Dictionary<string, object> { ["de"] = new { text = "Wie können wir helfen?", buttons = new[] { "Preise", "Rücksendung" } } },
            },
            new
            {
                id = "prices", type = "buttons", text = "Shoes start at 40 euros.",
                buttons = new[] { new { id = "back", label = "Back", next = "menu" } },
                variants = new Dictionary<string, object> { ["de-DE"] = new { text = "Schuhe gibt es ab 40 Euro.", buttons = new[] { "Zurück" } } },
            },
            new { id = "returns", type = "end", text = "Send them back within 30 days.",
                variants = new Dictionary<string, object> { ["de"] = new { text = "Innerhalb von 30 Tagen zurücksenden." } } },
        },
    };

    [Fact]
    public async Task GermanPage_GetsTheGermanGreetingAndButtons_AndTheFlowStaysGerman_AFrenchPageTheDefaultTexts()
    {
        using var admin = Agent.Admin(fixture.Server.BaseAddress, fixture.Server.AdminKey);
        // Labels that do not match the buttons are refused, naming the variant's field, and nothing is stored.
        var refused = await admin.PostAsJsonAsync("api/v1/admin/recipes", Shop(new Dictionary<string, object> { ["de"] = new { buttons = new[] { "Preise" } } }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("blocks.menu.variants.de.buttons", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("api/v1/admin/recipes/shop-languages")).StatusCode);

        (await admin.PostAsJsonAsync("api/v1/admin/recipes", Shop())).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("api/v1/admin/default-recipe", new { recipeId = "shop-languages" })).EnsureSuccessStatusCode();

        using var german = new CustomerSite(fixture.Server.BaseAddress, lang: "de-DE");
        var page = await fixture.Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 760 }, Locale = "en-US" });
        await page.GotoAsync(german.Origin + "/");
        var widget = page.Locator("#verloop-widget");
        var messages = widget.GetByTestId("message");
        await Assertions.Expect(messages.Filter(new() { HasText = "Hallo! Willkommen im Schuhladen." })).ToHaveCountAsync(1, Soon);
        await Assertions.Expect(messages.Filter(new() { HasText = "Wie können wir helfen?" })).ToHaveCountAsync(1, Soon);
        var buttons = widget.GetByTestId("quick-reply");
        await Assertions.Expect(buttons).ToHaveCountAsync(2, Soon);
        Assert.Equal(["Preise", "Rücksendung"], (await buttons.AllTextContentsAsync()).Select(t => t.Trim()));
        await Assertions.Expect(widget.GetByTestId("send")).ToHaveTextAsync("Senden");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "widget-german-recipe.png") });

        // The first choice starts the room's orchestration; it answers with the de-DE variant, and the next turn
        // (the orchestrator's own) is still German: the language travels in its state.
        await buttons.Filter(new() { HasText = "Preise" }).ClickAsync();
        await Assertions.Expect(messages.Filter(new() { HasText = "Schuhe gibt es ab 40 Euro." })).ToHaveCountAsync(1, Soon);
        await Assertions.Expect(widget.GetByTestId("quick-reply").Filter(new() { HasText = "Zurück" })).ToHaveCountAsync(1, Soon);
        await widget.GetByTestId("quick-reply").Filter(new() { HasText = "Zurück" }).ClickAsync();
        await Assertions.Expect(messages.Filter(new() { HasText = "Wie können wir helfen?" })).ToHaveCountAsync(2, Soon);
        Assert.DoesNotContain("How can we help?", await widget.InnerTextAsync());

        // A French page: the recipe has no French texts, so the defaults (the widget's own strings stay French).
        using var french = new CustomerSite(fixture.Server.BaseAddress, lang: "fr");
        var frenchPage = await fixture.Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { Locale = "de-DE" });
        await frenchPage.GotoAsync(french.Origin + "/");
        var frenchWidget = frenchPage.Locator("#verloop-widget");
        await Assertions.Expect(frenchWidget.GetByTestId("message").Filter(new() { HasText = "Hello! Welcome to the shoe shop." })).ToHaveCountAsync(1, Soon);
        await Assertions.Expect(frenchWidget.GetByTestId("quick-reply")).ToHaveCountAsync(2, Soon);
        Assert.Equal(["Prices", "Returns"], (await frenchWidget.GetByTestId("quick-reply").AllTextContentsAsync()).Select(t => t.Trim()));
        await Assertions.Expect(frenchWidget.GetByTestId("send")).ToHaveTextAsync("Envoyer");
    }

    [Fact]
    public async Task OpenRoom_WithAMalformedLanguage_Is400NamingIt_AndOpensNoRoom()
    {
        await using var visitor = await Visitor.CreateAsync(fixture.Server.BaseAddress);
        var response = await visitor.Http.PostAsJsonAsync("api/v1/rooms", new { language = "Deutsch!" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("language", (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        var session = await visitor.Http.GetFromJsonAsync<JsonObject>("api/v1/session");
        Assert.Null(session!["openRoomId"]?.GetValue<string>());
    }
}
