using Livechat.Azure.Tests.Support;
using Livechat.Core.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableAgentTokenStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;
    private IAgentTokenStore _store = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _store = _services.GetRequiredService<IAgentTokenStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task AddAsync_ThenGetAndList_ReturnTheRecord_PerAgent_OldestFirst()
    {
        var late = new AgentTokenRecord("ann", "t-late", "Ann Lee", ["sales", "support"], At.AddHours(1), At.AddHours(13));
        var early = new AgentTokenRecord("ann", "t-early", "Ann Lee", ["sales"], At, At.AddHours(12));
        await _store.AddAsync(late, None);
        await _store.AddAsync(early, None);
        await _store.AddAsync(new AgentTokenRecord("bob", "t-bob", "Bob", ["sales"], At, At.AddHours(12)), None);

        var got = await _store.GetAsync("ann", "t-late", None);
        var listed = await _store.ListAsync("ann", None);

        Assert.Equal(late.Departments, got!.Departments);
        Assert.Equal(late with { Departments = got.Departments }, got);
        Assert.Equal(["t-early", "t-late"], listed.Select(t => t.TokenId));
        Assert.Null(await _store.GetAsync("bob", "t-late", None));
    }

    [Fact]
    public async Task RemoveAsync_Removes_AndRemovingAgainIsNoError()
    {
        await _store.AddAsync(new AgentTokenRecord("ann", "t-1", "Ann", ["sales"], At, At.AddHours(12)), None);

        await _store.RemoveAsync("ann", "t-1", None);
        await _store.RemoveAsync("ann", "t-1", None);
        Assert.Null(await _store.GetAsync("ann", "t-1", None));
        Assert.Empty(await _store.ListAsync("ann", None));
    }
}
