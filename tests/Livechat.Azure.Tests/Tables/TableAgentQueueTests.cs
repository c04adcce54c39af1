using Livechat.Azure.Tests.Support;
using Livechat.Core.Agents;
using Livechat.Core.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableAgentQueueTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private ServiceProvider _services = null!;
    private IAgentQueue _queue = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _queue = _services.GetRequiredService<IAgentQueue>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task ListWaitingAsync_ListsOnlyThatDepartment_LongestWaitingFirst()
    {
        await _queue.EnqueueAsync(Room("r-late", "sales"), "Late", At.AddMinutes(5), CancellationToken.None);
        await _queue.EnqueueAsync(Room("r-early", "sales"), "Early", At, CancellationToken.None);
        await _queue.EnqueueAsync(Room("r-other", "support"), null, At, CancellationToken.None);

        var sales = await _queue.ListWaitingAsync("sales", CancellationToken.None);

        Assert.Equal([new QueuedRoom("r-early", "sales", "Early", At), new QueuedRoom("r-late", "sales", "Late", At.AddMinutes(5))], sales);
        Assert.Equal(["r-other"], (await _queue.ListWaitingAsync("support", CancellationToken.None)).Select(r => r.RoomId));
    }

    [Fact]
    public async Task EnqueueAsync_AlreadyQueued_KeepsItsPlace()
    {
        await _queue.EnqueueAsync(Room("r-1", "sales"), "Vera", At, CancellationToken.None);
        await _queue.EnqueueAsync(Room("r-2", "sales"), null, At.AddMinutes(1), CancellationToken.None);

        await _queue.EnqueueAsync(Room("r-1", "sales"), "Vera", At.AddMinutes(2), CancellationToken.None);

        var sales = await _queue.ListWaitingAsync("sales", CancellationToken.None);
        Assert.Equal(["r-1", "r-2"], sales.Select(r => r.RoomId));
        Assert.Equal(At, sales[0].EnqueuedAt);
    }

    [Fact]
    public async Task RemoveAsync_TakesTheRoomOff_AndAgainIsANoOp()
    {
        await _queue.EnqueueAsync(Room("r-1", "sales"), null, At, CancellationToken.None);

        await _queue.RemoveAsync("sales", "r-1", CancellationToken.None);
        await _queue.RemoveAsync("sales", "r-1", CancellationToken.None);

        Assert.Empty(await _queue.ListWaitingAsync("sales", CancellationToken.None));
    }

    private static Room Room(string roomId, string department) => new()
    {
        RoomId = roomId,
        SessionId = "s-1",
        VisitorId = "v-1",
        RealtimeUserId = "v-v-1",
        RecipeId = "welcome",
        RecipeVersion = 1,
        Department = department,
        Status = RoomStatus.Waiting,
        CreatedAt = At,
    };
}
