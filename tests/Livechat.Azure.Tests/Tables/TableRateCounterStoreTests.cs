using Azure.Data.Tables;
using Livechat.Azure.Tables;
using Livechat.Azure.Tests.Support;
using Livechat.Core.Limits;
using Livechat.Core.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Livechat.Azure.Tests.Tables;

/// <summary>
/// The shared counters on Azurite. Two limiters over one table are two Functions instances: the table is all they
/// share, so these tests are what "holds across instances" rests on.
/// </summary>
public sealed class TableRateCounterStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Hour = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    private ServiceProvider _services = null!;
    private IRateCounterStore _store = null!;
    private LivechatTables _tables = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _store = _services.GetRequiredService<IRateCounterStore>();
        _tables = _services.GetRequiredService<LivechatTables>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task TrySaveAsync_InsertsOnce_ThenReplacesOnlyUnderTheETagItRead()
    {
        var key = new RateCounterKey("sessions-address", Hour, "c1");
        Assert.Null(await _store.GetAsync(key, None));

        Assert.True(await _store.TrySaveAsync(new RateCounter(key, 1, null), None));
        Assert.False(await _store.TrySaveAsync(new RateCounter(key, 1, null), None));
        var read = await _store.GetAsync(key, None);
        Assert.Equal(1, read!.Count);
        Assert.True(await _store.TrySaveAsync(read with { Count = 2 }, None));
        Assert.False(await _store.TrySaveAsync(read with { Count = 3 }, None));

        Assert.Equal(2, (await _store.GetAsync(key, None))!.Count);
        var row = (await _tables.RateCounters.GetEntityAsync<TableEntity>("sessions-address-202605041000", "c1")).Value;
        Assert.Equal(2, row.GetInt32("Count"));
    }

    [Fact]
    public async Task TakeAsync_FromParallelTasks_SumsExactly()
    {
        var counters = new SharedCounters(_store, TimeProvider.System);
        var key = new RateCounterKey("rooms-total", Hour, RateCounterKey.AllClients);
        var granted = 0;

        // Eight writers at once, ten takes each, on one row.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++) Interlocked.Add(ref granted, await counters.TakeAsync(key, 1, 1000, likelyNew: false, None) ?? 0);
        })));

        Assert.Equal(80, granted);
        Assert.Equal(80, (await _store.GetAsync(key, None))!.Count);
    }

    [Fact]
    public async Task TakeAsync_FromParallelTasks_NeverPassesTheLimit()
    {
        var counters = new SharedCounters(_store, TimeProvider.System);
        var key = new RateCounterKey("sessions-address", Hour, "c2");
        var granted = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++) Interlocked.Add(ref granted, await counters.TakeAsync(key, 1, 50, likelyNew: true, None) ?? 0);
        })));

        Assert.Equal(50, granted);
        Assert.Equal(50, (await _store.GetAsync(key, None))!.Count);
    }

    [Fact]
    public async Task TrySessionAsync_TwoInstancesOnOneTable_TogetherAdmitExactlyTheTotal()
    {
        var time = new FakeTimeProvider(Hour.AddMinutes(20));
        var limits = Options.Create(new LimitOptions { SessionsPerAddressPerHour = 0, TotalSessionsPerMinute = 120 });
        var signing = _services.GetRequiredService<IOptions<SessionOptions>>();
        ClientRateLimiter Instance() => new(new SharedCounters(_store, TimeProvider.System), limits, signing, time);
        var admitted = 0;

        // Four callers on each instance, 40 calls each: 320 tries at a total of 120, leased 6 at a time.
        await Task.WhenAll(new[] { Instance(), Instance() }.SelectMany(limiter => Enumerable.Range(0, 4).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
                if (await limiter.TrySessionAsync(new ClientKey($"10.{caller}.0.{i}"), None) is null) Interlocked.Increment(ref admitted);
        }))));

        Assert.Equal(120, admitted);
        var total = new RateCounterKey("sessions-total", Hour.AddMinutes(20), RateCounterKey.AllClients);
        Assert.Equal(120, (await _store.GetAsync(total, None))!.Count);
    }

    [Fact]
    public async Task TrySessionAsync_AnyAddress_TheTableHoldsNoAddress()
    {
        var limiter = _services.GetRequiredService<ClientRateLimiter>();

        Assert.Null(await limiter.TrySessionAsync(new ClientKey("203.0.113.77"), None));
        Assert.Null(await limiter.TryRoomAsync(new ClientKey("2001:db8:77::/64"), None));

        var rows = new List<string>();
        await foreach (var row in _tables.RateCounters.QueryAsync<TableEntity>()) rows.Add(string.Join("|", row.Select(p => $"{p.Key}={p.Value}")));
        Assert.Equal(4, rows.Count);
        Assert.DoesNotContain(rows, r => r.Contains("203.0.113", StringComparison.Ordinal) || r.Contains("2001:db8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RateCounterRetention_DeletesTheCountersOfWindowsThatAreOver_KeepsTheCurrentOnes()
    {
        var now = new FakeTimeProvider(Hour.AddHours(5));
        var over = new[] { new RateCounterKey("sessions-address", Hour, "c1"), new RateCounterKey("rooms-total", Hour.AddHours(2), RateCounterKey.AllClients) };
        var current = new[] { new RateCounterKey("sessions-address", Hour.AddHours(4), "c1"), new RateCounterKey("rooms-total", Hour.AddHours(5), RateCounterKey.AllClients) };
        foreach (var key in over.Concat(current)) Assert.True(await _store.TrySaveAsync(new RateCounter(key, 3, null), None));

        var deleted = await new RateCounterRetention(_store, now, Microsoft.Extensions.Logging.Abstractions.NullLogger<RateCounterRetention>.Instance).SweepAsync(None);

        Assert.Equal(2, deleted);
        foreach (var key in over) Assert.Null(await _store.GetAsync(key, None));
        foreach (var key in current) Assert.Equal(3, (await _store.GetAsync(key, None))!.Count);
    }
}
