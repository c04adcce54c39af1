using Livechat.Azure.Tests.Support;
using Livechat.Core.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableSessionStoreTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private ISessionStore _sessions = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _sessions = _services.GetRequiredService<ISessionStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task CreateAsync_ThenGet_ReturnsEverythingStored()
    {
        var created = await _sessions.CreateAsync(new VisitorSession
        {
            SessionId = Azurite.UniqueName("s"),
            VisitorId = "v1",
            Department = "sales",
            UserParams = new UserParams("Ada", "ada@example.com", "+441234"),
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);

        var read = await _sessions.GetAsync(created.SessionId, CancellationToken.None);

        Assert.Equal("sales", read!.Department);
        Assert.Equal(new UserParams("Ada", "ada@example.com", "+441234"), read.UserParams);
        Assert.NotNull(read.ETag);
    }

    [Fact]
    public async Task TryReplaceAsync_TwoWritersFromOneRead_OnlyTheFirstWins()
    {
        var created = await _sessions.CreateAsync(new VisitorSession { SessionId = Azurite.UniqueName("s"), VisitorId = "v1", CreatedAt = DateTimeOffset.UtcNow }, CancellationToken.None);

        var first = await _sessions.TryReplaceAsync(created with { OpenRoomId = "r1" }, CancellationToken.None);
        var second = await _sessions.TryReplaceAsync(created with { OpenRoomId = "r2" }, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("r1", (await _sessions.GetAsync(created.SessionId, CancellationToken.None))!.OpenRoomId);
    }

    [Fact]
    public async Task GetAsync_UnknownSession_ReturnsNull() =>
        Assert.Null(await _sessions.GetAsync("snothere", CancellationToken.None));

    [Fact]
    public async Task SessionRetention_DeletesSessionsMadeBeforeTheRetention_KeepsNewerOnes()
    {
        var now = DateTimeOffset.UtcNow;
        async Task<string> MadeAsync(DateTimeOffset at, string? id = null) =>
            (await _sessions.CreateAsync(new VisitorSession { SessionId = id ?? SessionIds.New(at), VisitorId = "v1", CreatedAt = at }, CancellationToken.None)).SessionId;
        var old = new[] { await MadeAsync(now.AddDays(-40)), await MadeAsync(now.AddDays(-32)) };
        var recent = new[] { await MadeAsync(now.AddDays(-30)), await MadeAsync(now), await MadeAsync(now, id: Azurite.UniqueName("s")) };

        var deleted = await _services.GetRequiredService<SessionRetention>().SweepAsync(CancellationToken.None);

        Assert.Equal(2, deleted);
        foreach (var id in old) Assert.Null(await _sessions.GetAsync(id, CancellationToken.None));
        foreach (var id in recent) Assert.NotNull(await _sessions.GetAsync(id, CancellationToken.None));
        Assert.Equal(0, await _services.GetRequiredService<SessionRetention>().SweepAsync(CancellationToken.None));
    }
}
