using Livechat.Core.Branding;
using Livechat.Core.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Branding;

/// <summary>The dashboard's brand calls: every field checked before anything is stored; white text must stay readable.</summary>
public sealed class BrandAdminHandlerTests : IDisposable
{
    private readonly Mock<IBrandStore> _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly BrandDirectory _directory;

    public BrandAdminHandlerTests() => _directory = new BrandDirectory(_store.Object, NullLogger<BrandDirectory>.Instance);

    public void Dispose() => _directory.Dispose();

    private BrandAdminHandler Handler() => new(_store.Object, _directory, _time);

    [Fact]
    public async Task PutAsync_StoresTheTrimmedBrand_ColourInLowerCase_EmptyFieldsLeftOut()
    {
        var outcome = await Handler().PutAsync("shop", new BrandDefinition(" Acme help ", "#0B5394", "left", "Acme", "https://cdn.example/acme.png", ""), CancellationToken.None);

        var expected = new Brand("shop", "Acme help", "#0b5394", "left", "Acme", "https://cdn.example/acme.png", null, _time.GetUtcNow());
        Assert.Equal(expected, outcome.Value);
        _store.Verify(s => s.SaveAsync(expected, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("#ffff00")] // yellow: 1.07:1
    [InlineData("#4f9dff")] // a light blue: 2.8:1
    [InlineData("#777777")] // just under 4.5:1 (4.48)
    public async Task PutAsync_AccentWhiteTextCannotBeReadOn_IsRefusedNamingAccentColor_WithTheRatio(string accent)
    {
        var outcome = await Handler().PutAsync("default", new BrandDefinition(null, accent, null, null, null, null), CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        Assert.Contains(":1", Assert.Single(outcome.Problem.Errors!["accentColor"]), StringComparison.Ordinal);
        _store.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("#767676")] // the lightest grey that passes: 4.54:1
    [InlineData("#4f46e5")] // the widget's own accent
    [InlineData("#000000")]
    public async Task PutAsync_AccentWithEnoughContrast_IsStored(string accent)
    {
        var outcome = await Handler().PutAsync("default", new BrandDefinition(null, accent, null, null, null, null), CancellationToken.None);

        Assert.Equal(accent, outcome.Value!.AccentColor);
    }

    [Theory]
    [InlineData("Shop", "siteId")]
    [InlineData("a_b", "siteId")]
    [InlineData("shop", "accentColor", "red")]
    [InlineData("shop", "accentColor", "#12345")]
    [InlineData("shop", "launcherPosition", null, "top")]
    [InlineData("shop", "avatarUrl", null, null, "http://cdn.example/a.png")]
    [InlineData("shop", "avatarUrl", null, null, "javascript:alert(1)")]
    [InlineData("shop", "avatarUrl", null, null, "https://user:pw@cdn.example/a.png")]
    [InlineData("shop", "title", null, null, null, "Help\u0000")]
    public async Task PutAsync_BadField_IsRefusedNamingIt_AndStoresNothing(
        string site, string field, string? accent = null, string? side = null, string? avatar = null, string? title = null)
    {
        var outcome = await Handler().PutAsync(site, new BrandDefinition(title, accent, side, null, avatar, null), CancellationToken.None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey(field), string.Join(",", outcome.Problem.Errors.Keys));
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task PutAsync_TitleOverTheLimit_IsRefused()
    {
        var outcome = await Handler().PutAsync("shop", new BrandDefinition(new string('t', BrandAdminHandler.MaxTitleLength + 1), null, null, null, null, null), CancellationToken.None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey("title"));
    }

    [Fact]
    public async Task PutAsync_ShowsAtOnceOnThisInstance_ThoughTheWidgetsBrandIsCached()
    {
        var stored = new Dictionary<string, Brand>();
        _store.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((string id, CancellationToken _) => stored.GetValueOrDefault(id));
        _store.Setup(s => s.SaveAsync(It.IsAny<Brand>(), It.IsAny<CancellationToken>())).Callback((Brand b, CancellationToken _) => stored[b.SiteId] = b).Returns(Task.CompletedTask);
        Assert.Null(await _directory.ForWidgetAsync("default", CancellationToken.None));

        await Handler().PutAsync("default", new BrandDefinition("Acme", null, null, null, null, null), CancellationToken.None);

        Assert.Equal("Acme", (await _directory.ForWidgetAsync("default", CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task DeleteAsync_None_Is404NamingSiteId()
    {
        var outcome = await Handler().DeleteAsync("shop", CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
        Assert.True(outcome.Problem.Errors!.ContainsKey("siteId"));
    }
}
