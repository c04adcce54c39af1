using Livechat.Azure.Tests.Support;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableUserStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;
    private IUserStore _users = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _users = _services.GetRequiredService<IUserStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task GetOrCreateAsync_Twice_CreatesOnce_TheSecondGetsTheStoredUser()
    {
        var first = await _users.GetOrCreateAsync(new ChatUser { UserId = "alice@example.com", CreatedAt = At }, None);
        var second = await _users.GetOrCreateAsync(new ChatUser { UserId = "alice@example.com", CreatedAt = At.AddDays(1) }, None);

        Assert.Equal(At, second.CreatedAt);
        Assert.Equal(first.ETag, second.ETag);
        Assert.NotNull(first.ETag);
        Assert.Null(await _users.GetAsync("bob", None));
    }

    [Fact]
    public async Task TryReplaceAsync_UnderTheETagItWasReadWith_Saves_AStaleOneIsRefused()
    {
        var user = await _users.GetOrCreateAsync(new ChatUser { UserId = "alice", CreatedAt = At }, None);

        var saved = await _users.TryReplaceAsync(user with { UserParams = new UserParams("Alice", "alice@example.com"), OpenRoomId = "r-1" }, None);
        var stale = await _users.TryReplaceAsync(user with { OpenRoomId = "r-2" }, None);

        Assert.NotNull(saved);
        Assert.Null(stale);
        var stored = await _users.GetAsync("alice", None);
        Assert.Equal("r-1", stored!.OpenRoomId);
        Assert.Equal(new UserParams("Alice", "alice@example.com"), stored.UserParams);
    }
}
