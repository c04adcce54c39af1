using Livechat.Azure.Tests.Support;
using Livechat.Core.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableIdleRoomClocksTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 15, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;
    private IIdleRoomClocks _clocks = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _clocks = _services.GetRequiredService<IIdleRoomClocks>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task DueAsync_ReturnsClocksAtOrBeforeNow_EarliestFirst_AcrossMinutesAndDays()
    {
        await _clocks.SetAsync(new IdleRoomClock("r-yesterday", Now.AddDays(-1)), None);
        await _clocks.SetAsync(new IdleRoomClock("r-this-second", Now), None);
        await _clocks.SetAsync(new IdleRoomClock("r-earlier-this-minute", Now.AddSeconds(-10)), None);
        await _clocks.SetAsync(new IdleRoomClock("r-later-this-minute", Now.AddSeconds(20)), None);
        await _clocks.SetAsync(new IdleRoomClock("r-next-hour", Now.AddHours(1)), None);

        var due = await _clocks.DueAsync(Now, 100, None);

        Assert.Equal(["r-yesterday", "r-earlier-this-minute", "r-this-second"], due.Select(c => c.RoomId));
        Assert.Equal(Now.AddDays(-1), due[0].Due);
        Assert.Equal(["r-yesterday"], (await _clocks.DueAsync(Now, 1, None)).Select(c => c.RoomId));
    }

    [Fact]
    public async Task SetAsyncTwice_StoresOneClock_AndRemoveAsyncTakesItAway()
    {
        var clock = new IdleRoomClock("r-1", Now.AddMinutes(-1));
        await _clocks.SetAsync(clock, None);
        await _clocks.SetAsync(clock, None);

        Assert.Single(await _clocks.DueAsync(Now, 100, None));

        await _clocks.RemoveAsync(clock, None);
        await _clocks.RemoveAsync(clock, None);
        Assert.Empty(await _clocks.DueAsync(Now, 100, None));
    }
}
