using Livechat.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Browser;

/// <summary>
/// A support lead sets a site's brand on the dashboard's Brand page; the customer's page that names the site shows it
/// (title, team and reply line, accent colour, launcher side) on a phone, with no change to the page and no request of
/// its own. An accent white text cannot be read on is refused, naming the field.
/// </summary>
public sealed class WidgetBrandBrowserTests(WidgetBrowserTests.HostAndChromium fixture) : IClassFixture<WidgetBrowserTests.HostAndChromium>
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 20_000 };

    [Fact]
    public async Task BrandSetOnTheDashboard_ShowsOnTheSitesPages_OnAPhone_AndAnUnreadableAccentIsRefused()
    {
        var dashboard = await fixture.Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } });
        await dashboard.GotoAsync(new Uri(fixture.Server.BaseAddress, "dashboard/").ToString());
        await dashboard.Locator("#admin-key").FillAsync(fixture.Server.AdminKey);
        await dashboard.Locator("#sign-in button").ClickAsync();
        await dashboard.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "Brand" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("main h1")).ToHaveTextAsync("Brand", Soon);
        await dashboard.Locator("#brand-new-site").FillAsync("shoes");
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Add a site" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("#brand-snippet")).ToContainTextAsync("/api/widget.js?site=shoes", new() { Timeout = 20_000 });

        await dashboard.Locator("#brand-title").FillAsync("Shoe help");
        await dashboard.Locator("#brand-accent").FillAsync("#0b5394");
        await dashboard.Locator("#brand-side").SelectOptionAsync("left");
        await dashboard.Locator("#brand-team").FillAsync("The shoe team");
        await dashboard.Locator("#brand-reply").FillAsync("We usually reply within an hour");
        await Assertions.Expect(dashboard.Locator("#preview-title")).ToHaveTextAsync("Shoe help");
        await AxeAudit.AssertNoSeriousFindingsAsync(dashboard, "the Brand page");
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("#status")).ToContainTextAsync("Saved", new() { Timeout = 20_000 });

        // Gold under white text: refused, the field and the ratio named, and the saved brand left as it was.
        await dashboard.Locator("#brand-accent").FillAsync("#ffd700");
        await dashboard.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dashboard.Locator("#brand-error")).ToContainTextAsync("accentColor", new() { Timeout = 20_000 });
        await Assertions.Expect(dashboard.Locator("#brand-error")).ToContainTextAsync(":1");
        using var admin = Agent.Admin(fixture.Server.BaseAddress, fixture.Server.AdminKey);
        var stored = await admin.GetFromJsonAsync<JsonObject>("api/v1/admin/brands/shoes");
        Assert.Equal("#0b5394", stored!["accentColor"]!.GetValue<string>());

        // The customer's page names the site; on a phone the window fills the screen in the brand's colours.
        using var site = new CustomerSite(fixture.Server.BaseAddress, site: "shoes");
        var phone = await fixture.Chromium.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        });
        var requests = new List<string>();
        phone.Request += (_, request) => requests.Add(request.Url);
        await phone.GotoAsync(site.Origin + "/");
        var widget = phone.Locator("#verloop-widget");
        await Assertions.Expect(widget.GetByTestId("title")).ToHaveTextAsync("Shoe help", Soon);
        await Assertions.Expect(widget.GetByTestId("subtitle")).ToHaveTextAsync("The shoe team · We usually reply within an hour");
        await Assertions.Expect(widget.GetByTestId("window")).ToHaveAttributeAsync("aria-label", "Shoe help");
        Assert.Equal("rgb(11, 83, 148)", await widget.Locator("header").EvaluateAsync<string>("h => getComputedStyle(h).backgroundColor"));
        await Assertions.Expect(widget.GetByTestId("window")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var window = await widget.GetByTestId("window").BoundingBoxAsync();
        Assert.Equal(390, window!.Width, 1); // the whole screen: the page declares a phone's viewport
        Assert.DoesNotContain(requests, url => url.Contains("/brands", StringComparison.Ordinal)); // it came with the loader
        await Assertions.Expect(widget.GetByTestId("message").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await AxeAudit.AssertNoSeriousFindingsAsync(phone, "the branded window on a phone", within: "#verloop-widget");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(StackPaths.Root, "docs", "widget-brand-phone.png") });
        await widget.GetByTestId("minimize").ClickAsync();
        var bubble = await widget.GetByTestId("bubble").BoundingBoxAsync();
        Assert.True(bubble!.X < 390 / 2, $"the launcher is on the left: x = {bubble.X}");

        // Another site of the customer's (no brand of its own) and a page naming none get the widget's own look.
        using var plain = new CustomerSite(fixture.Server.BaseAddress);
        var other = await fixture.Chromium.Browser.NewPageAsync();
        await other.GotoAsync(plain.Origin + "/");
        await Assertions.Expect(other.Locator("#verloop-widget").GetByTestId("title")).ToHaveTextAsync("Chat", Soon);
    }

    [Fact]
    public async Task BrandsApi_RefusesBadFieldsNamingThem_AndNeedsTheAdminKey()
    {
        using var admin = Agent.Admin(fixture.Server.BaseAddress, fixture.Server.AdminKey);
        using var refused = await admin.PutAsJsonAsync("api/v1/admin/brands/shop", new { accentColor = "#ffff00" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey("accentColor"));
        using var badSite = await admin.PutAsJsonAsync("api/v1/admin/brands/Shop_1", new { title = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, badSite.StatusCode);
        using var missing = await admin.GetAsync("api/v1/admin/brands/shop");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var unauthorized = await anonymous.PutAsJsonAsync("api/v1/admin/brands/shop", new { title = "Hijacked" });
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        using var stillMissing = await admin.GetAsync("api/v1/admin/brands/shop");
        Assert.Equal(HttpStatusCode.NotFound, stillMissing.StatusCode);
    }
}
