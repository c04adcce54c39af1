using Livechat.Azure.Tests.Support;
using Livechat.Core.Agents;
using Livechat.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Routing;

public sealed class TableAgentRoutingStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private ServiceProvider _services = null!;
    private IAgentRoutingStore _store = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _store = _services.GetRequiredService<IAgentRoutingStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task GetAsync_NoRow_IsNewWithTheLastSeenTime()
    {
        await _services.GetRequiredService<IAgentActivityStore>().SetLastSeenAsync("ann", At, None);

        var row = await _store.GetAsync("ann", None);

        Assert.Equal("ann", row.AgentId);
        Assert.Equal(At, row.LastSeenAt);
        Assert.Null(row.Status);
        Assert.Null(row.Capacity);
        Assert.Null(row.ETag);
        Assert.Empty(row.RoomIds);
    }

    [Fact]
    public async Task TrySaveAsync_RoundTripsEveryField_AndTheActivityListIgnoresTheRow()
    {
        await _services.GetRequiredService<IAgentActivityStore>().SetLastSeenAsync("ann", At, None);
        var saved = await _store.TrySaveAsync(new AgentRouting("ann", PresenceStatus.Online, 2, ["r-1", "r-2"], At.AddMinutes(1)), None);

        var read = await _store.GetAsync("ann", None);

        Assert.NotNull(saved?.ETag);
        Assert.Equal((PresenceStatus.Online, 2, At.AddMinutes(1), At, saved!.ETag), (read.Status, read.Capacity, read.LastAssignedAt, read.LastSeenAt, read.ETag));
        Assert.Equal(["r-1", "r-2"], read.RoomIds);
        Assert.Equal([read], await _store.ListAsync(None), new RoutingById());
        var activity = Assert.Single(await _services.GetRequiredService<IAgentActivityStore>().ListAsync(None));
        Assert.Empty(activity.HeldRoomIds);
    }

    [Fact]
    public async Task TrySaveAsync_StaleETagOrSecondInsert_LosesAndKeepsTheWinner()
    {
        Assert.NotNull(await _store.TrySaveAsync(AgentRouting.New("bob") with { Capacity = 1 }, None));
        Assert.Null(await _store.TrySaveAsync(AgentRouting.New("bob") with { Capacity = 9 }, None));

        var first = await _store.GetAsync("bob", None);
        var winner = await _store.TrySaveAsync(first with { RoomIds = ["r-a"] }, None);
        var loser = await _store.TrySaveAsync(first with { RoomIds = ["r-b"] }, None);

        Assert.NotNull(winner);
        Assert.Null(loser);
        Assert.Equal(["r-a"], (await _store.GetAsync("bob", None)).RoomIds);
        Assert.Equal(1, (await _store.GetAsync("bob", None)).Capacity);
    }

    private sealed class RoutingById : IEqualityComparer<AgentRouting>
    {
        public bool Equals(AgentRouting? x, AgentRouting? y) => x?.AgentId == y?.AgentId && x?.ETag == y?.ETag;

        public int GetHashCode(AgentRouting obj) => obj.AgentId.GetHashCode(StringComparison.Ordinal);
    }
}
