using Livechat.Core.Common;
using Livechat.Core.Limits;

namespace Livechat.Core.Tests.Limits;

public sealed class SharedCountersTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly RateCounterKey Key = new("sessions-address", new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero), "c1");

    private readonly InMemoryRateCounterStore _store = new();

    [Fact]
    public async Task TakeAsync_NewCounter_IsOneInsertWithoutARead()
    {
        var taken = await new SharedCounters(_store, TimeProvider.System).TakeAsync(Key, 1, 10, likelyNew: true, None);

        Assert.Equal(1, taken);
        Assert.Equal((0, 1), (_store.Reads, _store.Saves));
    }

    [Fact]
    public async Task TakeAsync_AnotherWriterFirst_ReadsAgainAndCountsBoth()
    {
        _store.Add(Key, 3);
        var counters = new SharedCounters(_store, TimeProvider.System);
        // The other instance writes between this one's read and its save, once.
        var raced = false;
        _store.BeforeSave = _ =>
        {
            if (raced) return;
            raced = true;
            _store.Add(Key, 1);
        };

        var taken = await counters.TakeAsync(Key, 2, 10, likelyNew: false, None);

        Assert.Equal(2, taken);
        Assert.Equal(6, _store.CountOf(Key));
        Assert.Equal(1, _store.LostSaves);
    }

    [Fact]
    public async Task TakeAsync_NearTheLimit_TakesWhatIsLeft_ThenNothingWithoutAWrite()
    {
        _store.Add(Key, 7);
        var counters = new SharedCounters(_store, TimeProvider.System);

        Assert.Equal(3, await counters.TakeAsync(Key, 10, 10, likelyNew: false, None));
        var saves = _store.Saves;
        Assert.Equal(0, await counters.TakeAsync(Key, 10, 10, likelyNew: false, None));
        Assert.Equal(saves, _store.Saves);
        Assert.Equal(10, _store.CountOf(Key));
    }

    [Fact]
    public async Task TakeAsync_LosingEveryRace_GivesUpAfterTheBudget_WithoutCounting()
    {
        _store.BeforeSave = counter => _store.Add(counter.Key, 0);

        var taken = await new SharedCounters(_store, TimeProvider.System).TakeAsync(Key, 1, 10, likelyNew: true, None);

        Assert.Null(taken);
        Assert.Equal(OptimisticConcurrency.Budget, _store.LostSaves);
        Assert.Equal(0, _store.CountOf(Key));
    }
}
