using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Text.Json;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// A support lead adds German to a recipe in the dashboard's editor: each block's text and button labels in German,
/// a missing label named on its field until it is given, then publishes, and the preview in German greets in it.
/// </summary>
public sealed class DashboardRecipeLanguagesBrowserTests(DashboardRecipesFixture fixture) : IClassFixture<DashboardRecipesFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 20_000 };

    [Fact]
    public async Task SupportLead_AddsGerman_GivesEachTextAndLabel_Publishes_AndThePreviewInGermanGreetsInIt()
    {
        using var admin = Agent.Admin(fixture.Server.BaseAddress, DashboardRecipesFixture.AdminKey);
        (await admin.PostAsJsonAsync("api/v1/admin/recipes", new
        {
            id = "bilingual", name = "Bilingual", startBlockId = "greet",
            blocks = new object[]
            {
                new { id = "greet", type = "message", text = "Hello and welcome!", next = "menu" },
                new { id = "menu", type = "buttons", text = "Shall we talk?", buttons = new[] { new { id = "yes", label = "Yes", next = "bye" }, new { id = "no", label = "No", next = "bye" } } },
                new { id = "bye", type = "end", text = "Bye!" },
            },
        })).EnsureSuccessStatusCode();

        var context = await fixture.Chromium.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1400, Height = 950 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "dashboard/recipes/bilingual").ToString());
        await page.GetByLabel("Admin key").FillAsync(DashboardRecipesFixture.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#add-language")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await page.GetByLabel("New language tag").FillAsync("DE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add language" }).ClickAsync();
        await Assertions.Expect(page.Locator("#edit-language")).ToHaveValueAsync("de");

        await page.Locator("[data-block='greet']").ClickAsync();
        var greetText = page.GetByLabel("Text");
        await Assertions.Expect(greetText).ToHaveAttributeAsync("placeholder", "Hello and welcome!");
        await greetText.FillAsync("Hallo und willkommen!");

        await page.Locator("[data-block='menu']").ClickAsync();
        await page.GetByLabel("Text").FillAsync("Wollen wir reden?");
        await page.GetByLabel("Button 1 (yes)").FillAsync("Ja");
        // One label of two: the server's finding shows beside the labels, and the block is marked.
        await Assertions.Expect(page.Locator("#block-form .field-error:not([hidden])")).ToContainTextAsync("Each label", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-block='menu'].invalid")).ToHaveCountAsync(1);
        await page.GetByLabel("Button 2 (no)").FillAsync("Nein");
        await Assertions.Expect(page.Locator(".node.invalid")).ToHaveCountAsync(0, Soon);
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "the recipe editor in a language");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToContainTextAsync("Published version 2", new() { Timeout = 20_000 });
        var published = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/recipes/bilingual");
        var blocks = published.GetProperty("blocks");
        Assert.Equal("Hallo und willkommen!", blocks[0].GetProperty("variants").GetProperty("de").GetProperty("text").GetString());
        Assert.Equal(["Ja", "Nein"], blocks[1].GetProperty("variants").GetProperty("de").GetProperty("buttons").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("Shall we talk?", blocks[1].GetProperty("text").GetString()); // the default stays as it was

        await page.GetByLabel("Preview language").SelectOptionAsync("de");
        var preview = await context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Try it" }).ClickAsync());
        var widget = preview.Locator("#verloop-widget");
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Hallo und willkommen!" })).ToHaveCountAsync(1, Soon);
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveCountAsync(2, Soon);
        Assert.Equal(["Ja", "Nein"], (await widget.GetByTestId("quick-reply").AllTextContentsAsync()).Select(t => t.Trim()));
        await Assertions.Expect(widget.GetByTestId("send")).ToHaveTextAsync("Senden");

        // Back to the default texts: the form edits the block itself again.
        await page.Locator("#edit-language").SelectOptionAsync("");
        await Assertions.Expect(page.GetByLabel("Text")).ToHaveValueAsync("Shall we talk?");
        await page.ScreenshotAsync(new() { Path = "/tmp/dashboard-recipe-languages.png", FullPage = true });
        await context.CloseAsync();
    }
}
