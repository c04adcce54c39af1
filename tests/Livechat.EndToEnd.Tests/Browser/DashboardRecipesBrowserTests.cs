using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net.Http.Json;
using System.Text.Json;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>One Functions host and one Chromium for the recipe pages' tests; each test builds recipes of its own.</summary>
public sealed class DashboardRecipesFixture : IAsyncLifetime
{
    public const string AdminKey = "dashboard-tests-admin-key-0123456789-abcdefghij";

    public FunctionsHost Server { get; private set; } = null!;
    public ChromiumSession Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FunctionsHost.StartAsync(new Dictionary<string, string> { ["Admin__ApiKey"] = AdminKey });
        Chromium = await ChromiumSession.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// What a support lead does in the dashboard's recipe pages, with real clicks in headless Chromium: build a flow in
/// the graph editor, publish it, make it the default and meet it in the demo page's widget; read a refused publish
/// on the block it names and fix it; try a draft in the preview while visitors keep the default.
/// </summary>
public sealed class DashboardRecipesBrowserTests(DashboardRecipesFixture fixture) : IClassFixture<DashboardRecipesFixture>
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 20_000 };
    private FunctionsHost Server => fixture.Server;

    [Fact]
    public async Task SupportLead_BuildsARecipeInTheEditor_PublishesIt_SetsItAsDefault_AndTheDemoPageGreetsWithIt()
    {
        var context = await fixture.Chromium.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1400, Height = 950 } });
        var page = await SignInAsync(context);
        await page.GetByRole(AriaRole.Link, new() { Name = "Recipes", Exact = true }).ClickAsync();
        await CreateRecipeAsync(page, "support-desk", "Support desk");
        Assert.EndsWith("/dashboard/recipes/support-desk", page.Url);

        await AddBlockAsync(page, "message");
        await page.GetByLabel("Text").FillAsync("Welcome to Trailhead support!");
        await AddBlockAsync(page, "buttons");
        await page.GetByLabel("Text").FillAsync("What do you need?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add button" }).ClickAsync();
        await page.Locator("#field-buttons_b1_label").FillAsync("Track my order");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add button" }).ClickAsync();
        await page.Locator("#field-buttons_b2_label").FillAsync("Talk to a person");
        await AddBlockAsync(page, "ask");
        await page.GetByLabel("Asks for").SelectOptionAsync("email");
        await page.GetByLabel("Question").FillAsync("Your e-mail, please?");
        await AddBlockAsync(page, "transfer");
        await page.GetByLabel("Department (empty: the room’s)").FillAsync("sales");
        await page.GetByLabel("Text").FillAsync("Connecting you to our team.");
        // Link the buttons: select the node, pick each button's target.
        await page.Locator("[data-block='buttons-1']").ClickAsync();
        await page.Locator("#field-buttons_b1_next").SelectOptionAsync("ask-1");
        await page.Locator("#field-buttons_b2_next").SelectOptionAsync("transfer-1");

        // The graph shows the flow: four nodes, the links as edges, the greeting as the start.
        await Assertions.Expect(page.Locator(".node")).ToHaveCountAsync(4);
        foreach (var edge in new[] { "message-1->buttons-1", "buttons-1->ask-1", "buttons-1->transfer-1", "ask-1->transfer-1" })
            await Assertions.Expect(page.Locator($"[data-edge='{edge}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-block='message-1'] .node-start")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".node.invalid")).ToHaveCountAsync(0, Soon);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToContainTextAsync("Published version 1", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#versions li[data-version='1']")).ToContainTextAsync("first version", new() { Timeout = 20_000 });
        await page.Locator("[data-block='buttons-1']").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(StackPaths.Root, "docs", "dashboard-recipe-editor.png"), FullPage = true });
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "a recipes page");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set as default" }).ClickAsync();
        await Assertions.Expect(page.Locator("#save-state")).ToContainTextAsync("default recipe now", new() { Timeout = 20_000 });

        // The list says so too.
        await page.GetByRole(AriaRole.Link, new() { Name = "Recipes", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-recipe='support-desk'] .default-cell")).ToHaveTextAsync("Default", new() { Timeout = 20_000 });
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "a recipes page");

        // A visitor on the demo page meets the new greeting and buttons.
        var demo = await context.NewPageAsync();
        await demo.GotoAsync(Server.BaseAddress.ToString());
        var widget = demo.Locator("#verloop-widget");
        await widget.GetByTestId("bubble").ClickAsync();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Welcome to Trailhead support!" })).ToHaveCountAsync(1, Soon);
        await Assertions.Expect(widget.GetByTestId("quick-reply")).ToHaveTextAsync(["Track my order", "Talk to a person"], new() { Timeout = 20_000 });
        await widget.GetByTestId("quick-reply").Filter(new() { HasText = "Track my order" }).ClickAsync();
        await Assertions.Expect(widget.GetByTestId("message").Filter(new() { HasText = "Your e-mail, please?" })).ToHaveCountAsync(1, Soon);
        await context.CloseAsync();
    }

    [Fact]
    public async Task PublishRefused_TheErrorIsShownOnItsBlock_FixedInTheForm_ItPublishes()
    {
        var context = await fixture.Chromium.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1400, Height = 950 } });
        var page = await SignInAsync(context, "dashboard/recipes");
        await CreateRecipeAsync(page, "broken", "Broken");
        await AddBlockAsync(page, "message");
        await page.GetByLabel("Text").FillAsync("Hello!");
        await AddBlockAsync(page, "buttons");
        await page.GetByLabel("Text").FillAsync("Pick one");
        await page.Locator("[data-block='message-1']").ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Assertions.Expect(page.Locator("#save-state")).ToContainTextAsync("Publish refused", new() { Timeout = 20_000 });
        // The refused block is highlighted and opened, its message beside the field it names.
        await Assertions.Expect(page.Locator("[data-block='buttons-1']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\binvalid\\b"));
        await Assertions.Expect(page.Locator("[data-block='message-1']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\binvalid\\b"));
        await Assertions.Expect(page.Locator("#block-form h2")).ToContainTextAsync("buttons-1");
        await Assertions.Expect(page.Locator("#buttons-section .field-error").Last).ToHaveTextAsync("1 to 10 buttons.");
        Assert.Empty((await VersionsAsync("broken")).EnumerateArray());
        await page.ScreenshotAsync(new() { Path = "/tmp/dash-recipes-refused.png" });
        await AxeAudit.AssertNoSeriousFindingsAsync(page, "a recipes page");
        // The nodes are buttons: reached and opened from the keyboard.
        await page.Locator("[data-block='message-1']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#block-form h2")).ToContainTextAsync("message-1");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#block-form h2")).ToContainTextAsync("buttons-1");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add button" }).ClickAsync();
        await page.Locator("#field-buttons_b1_label").FillAsync("Again");
        await page.Locator("#field-buttons_b1_next").SelectOptionAsync("message-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();

        await Assertions.Expect(page.Locator("#save-state")).ToContainTextAsync("Published version 1", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".node.invalid")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#buttons-section .field-error:visible")).ToHaveCountAsync(0);
        Assert.Single((await VersionsAsync("broken")).EnumerateArray());
        await context.CloseAsync();
    }

    [Fact]
    public async Task TryIt_ShowsTheDraftsGreetingOnThePreviewPage_WhileTheDefaultAndTheLeadsOwnChatStay()
    {
        using var admin = Agent.Admin(Server.BaseAddress, DashboardRecipesFixture.AdminKey);
        (await admin.PostAsJsonAsync("api/v1/admin/recipes", new
        {
            id = "tryme", name = "Try me", startBlockId = "hi",
            blocks = new object[] { new { id = "hi", type = "end", text = "Published greeting." } },
        })).EnsureSuccessStatusCode();
        var defaultBefore = (await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/recipes")).GetProperty("defaultRecipeId").GetString();

        var context = await fixture.Chromium.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1400, Height = 950 } });
        // The lead's own visitor chat on the site, open in another tab.
        var demo = await context.NewPageAsync();
        await demo.GotoAsync(Server.BaseAddress.ToString());
        await demo.Locator("#verloop-widget").GetByTestId("bubble").ClickAsync();
        await Assertions.Expect(demo.Locator("#verloop-widget").GetByTestId("message")).Not.ToHaveCountAsync(0, Soon);
        var ownSession = await demo.EvaluateAsync<string>("() => localStorage.getItem('verloop.session')");
        var ownMessages = await demo.Locator("#verloop-widget").GetByTestId("message").AllTextContentsAsync();

        var page = await SignInAsync(context, "dashboard/recipes/tryme");
        await page.Locator("[data-block='hi']").ClickAsync();
        await page.GetByLabel("Text").FillAsync("Draft greeting, not published.");
        var preview = await context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Try it" }).ClickAsync());

        await preview.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/preview/tryme#session="));
        var previewWidget = preview.Locator("#verloop-widget");
        await Assertions.Expect(previewWidget.GetByTestId("message").Filter(new() { HasText = "Draft greeting, not published." })).ToHaveCountAsync(1, Soon);
        await Assertions.Expect(previewWidget.GetByTestId("message").Filter(new() { HasText = "Published greeting." })).ToHaveCountAsync(0);

        // Nothing a visitor gets has changed: the default, the published version, the list, the lead's own session.
        var list = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/recipes");
        Assert.Equal(defaultBefore, list.GetProperty("defaultRecipeId").GetString());
        Assert.DoesNotContain(list.GetProperty("recipes").EnumerateArray(), r => r.GetProperty("id").GetString()!.Contains("preview"));
        var published = await admin.GetFromJsonAsync<JsonElement>("api/v1/admin/recipes/tryme");
        Assert.Equal("Published greeting.", published.GetProperty("blocks")[0].GetProperty("text").GetString());
        Assert.Equal(ownSession, await preview.EvaluateAsync<string>("() => localStorage.getItem('verloop.session')"));
        await demo.ReloadAsync();
        await demo.Locator("#verloop-widget").GetByTestId("bubble").ClickAsync();
        await Assertions.Expect(demo.Locator("#verloop-widget").GetByTestId("message")).ToHaveTextAsync(ownMessages.ToArray(), new() { Timeout = 20_000 });
        await preview.ScreenshotAsync(new() { Path = "/tmp/dash-recipes-preview.png" });
        await context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string path = "dashboard/")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Server.BaseAddress, path).ToString());
        await page.GetByLabel("Admin key").FillAsync(DashboardRecipesFixture.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#sign-out")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        return page;
    }

    private static async Task CreateRecipeAsync(IPage page, string id, string name)
    {
        await page.GetByLabel("Id (in the edit URL)").FillAsync(id);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.Locator("#add-block")).ToBeVisibleAsync(new() { Timeout = 20_000 });
    }

    private static async Task AddBlockAsync(IPage page, string type)
    {
        var before = await page.Locator(".node").CountAsync();
        await page.GetByLabel("New block").SelectOptionAsync(type);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add block" }).ClickAsync();
        await Assertions.Expect(page.Locator(".node")).ToHaveCountAsync(before + 1);
    }

    private async Task<JsonElement> VersionsAsync(string recipeId)
    {
        using var admin = Agent.Admin(Server.BaseAddress, DashboardRecipesFixture.AdminKey);
        return (await admin.GetFromJsonAsync<JsonElement>($"api/v1/admin/recipes/{recipeId}/versions")).GetProperty("versions");
    }
}
