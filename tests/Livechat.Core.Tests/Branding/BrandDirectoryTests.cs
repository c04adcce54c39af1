using Livechat.Core.Branding;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Livechat.Core.Tests.Branding;

/// <summary>Which brand a page's loader carries, and what that costs the store.</summary>
public sealed class BrandDirectoryTests : IDisposable
{
    private static readonly Brand Default = new("default", "Help", null, null, null, null, null, DateTimeOffset.UnixEpoch);
    private static readonly Brand Shop = new("shop", "Shop help", "#0b5394", "left", null, null, null, DateTimeOffset.UnixEpoch);
    private readonly Mock<IBrandStore> _store = new();
    private readonly BrandDirectory _directory;

    public BrandDirectoryTests()
    {
        _store.Setup(s => s.GetAsync("default", It.IsAny<CancellationToken>())).ReturnsAsync(Default);
        _store.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync(Shop);
        _directory = new BrandDirectory(_store.Object, NullLogger<BrandDirectory>.Instance);
    }

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("shop", "Shop help")]
    [InlineData(null, "Help")]
    [InlineData("elsewhere", "Help")] // a site without a brand of its own
    [InlineData("../x", "Help")] // not a site id: never a table key
    public async Task ForWidgetAsync_TheSitesBrand_ElseTheDefaultSites(string? site, string title) =>
        Assert.Equal(title, (await _directory.ForWidgetAsync(site, CancellationToken.None))!.Title);

    [Fact]
    public async Task ForWidgetAsync_ManyPageViews_ReadTheStoreOncePerSite()
    {
        for (var i = 0; i < 50; i++)
        {
            await _directory.ForWidgetAsync("shop", CancellationToken.None);
            await _directory.ForWidgetAsync("elsewhere", CancellationToken.None);
        }

        _store.Verify(s => s.GetAsync("shop", It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.GetAsync("elsewhere", It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.GetAsync("default", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ForWidgetAsync_StorageDown_TheWidgetStillLoads_WithItsOwnLook()
    {
        _store.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage is down"));
        _store.Setup(s => s.GetAsync("default", It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage is down"));

        Assert.Null(await _directory.ForWidgetAsync("shop", CancellationToken.None));
    }
}
