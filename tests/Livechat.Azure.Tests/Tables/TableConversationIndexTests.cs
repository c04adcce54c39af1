using Livechat.Azure.Tests.Support;
using Livechat.Core.Conversations;
using Livechat.Core.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableConversationIndexTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;
    private IConversationIndex _index = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _index = _services.GetRequiredService<IConversationIndex>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private static ConversationEntry Entry(string roomId, DateTimeOffset startedAt, RoomStatus status = RoomStatus.Open,
        string? department = null, string? userId = null) => new()
    {
        RoomId = roomId,
        StartedAt = startedAt,
        Status = status,
        Department = department,
        UserId = userId,
        VisitorId = "v-1",
        SessionId = "s-1",
    };

    private async Task SaveAsync(params ConversationEntry[] entries)
    {
        foreach (var e in entries) Assert.True(await _index.TrySaveAsync(e, None));
    }

    private async Task<List<string>> ScanAsync(ConversationFilter filter, ConversationPosition? after = null, int max = 1000)
    {
        var ids = new List<string>();
        await foreach (var e in _index.ScanAsync(filter, after, None))
        {
            ids.Add(e.RoomId);
            if (ids.Count == max) break;
        }
        return ids;
    }

    [Fact]
    public async Task ScanAsync_ReadsNewestFirstAcrossDays_AndGoesOnAfterAPosition()
    {
        // Saved out of order, over three days, two in the same millisecond.
        await SaveAsync(
            Entry("r-b", Day.AddDays(-1).AddHours(23).AddMinutes(59)),
            Entry("r-d", Day.AddHours(9)),
            Entry("r-a", Day.AddDays(-2).AddHours(12)),
            Entry("r-c2", Day.AddHours(8)),
            Entry("r-c1", Day.AddHours(8)));

        var all = await ScanAsync(new ConversationFilter());
        var firstTwo = new List<ConversationEntry>();
        await foreach (var e in _index.ScanAsync(new ConversationFilter(), null, None))
        {
            firstTwo.Add(e);
            if (firstTwo.Count == 2) break;
        }
        var rest = await ScanAsync(new ConversationFilter(), new ConversationPosition(firstTwo[^1].StartedAt, firstTwo[^1].RoomId));

        Assert.Equal(["r-d", "r-c1", "r-c2", "r-b", "r-a"], all);
        Assert.Equal(["r-c2", "r-b", "r-a"], rest);
    }

    [Fact]
    public async Task ScanAsync_FiltersByStatusDepartmentUserAndStartRange()
    {
        await SaveAsync(
            Entry("r-1", Day.AddDays(-3), RoomStatus.Ended, "sales"),
            Entry("r-2", Day.AddDays(-1), RoomStatus.Waiting, "sales"),
            Entry("r-3", Day.AddDays(-1).AddHours(5), RoomStatus.Agent, "support", "u-7"),
            Entry("r-4", Day.AddHours(1), RoomStatus.Waiting, "support"),
            Entry("r-5", Day.AddDays(1), RoomStatus.Open));

        Assert.Equal(["r-4", "r-2"], await ScanAsync(new ConversationFilter { Status = RoomStatus.Waiting }));
        Assert.Equal(["r-4", "r-3"], await ScanAsync(new ConversationFilter { Department = "support" }));
        Assert.Equal(["r-3"], await ScanAsync(new ConversationFilter { UserId = "u-7" }));
        // From inclusive, To exclusive: the day before Day, whole.
        Assert.Equal(["r-3", "r-2"], await ScanAsync(new ConversationFilter { From = Day.AddDays(-1), To = Day }));
        Assert.Equal(["r-5", "r-4"], await ScanAsync(new ConversationFilter { From = Day }));
        Assert.Equal(["r-2", "r-1"], await ScanAsync(new ConversationFilter { To = Day.AddDays(-1).AddHours(5) }));
    }

    [Fact]
    public async Task TrySaveAsync_ASecondInsertOrAStaleReplace_IsRefused()
    {
        var entry = Entry("r-1", Day);
        await SaveAsync(entry);
        var stored = (await _index.GetAsync("r-1", Day, None))!;

        Assert.False(await _index.TrySaveAsync(entry, None));
        Assert.True(await _index.TrySaveAsync(stored with { Status = RoomStatus.Waiting, TransferredAt = Day.AddMinutes(1) }, None));
        Assert.False(await _index.TrySaveAsync(stored with { Status = RoomStatus.Ended }, None));
        var now = (await _index.GetAsync("r-1", Day, None))!;
        Assert.Equal((RoomStatus.Waiting, Day.AddMinutes(1)), (now.Status, now.TransferredAt));
    }

    [Fact]
    public async Task TheRoomStore_KeepsTheIndex_WithTheStartItReadsBack()
    {
        var rooms = _services.GetRequiredService<IRoomStore>();
        // Sub-millisecond ticks, as the clock gives them.
        var (room, _) = await rooms.CreateAsync(new Room
        {
            RoomId = Azurite.UniqueName("r"),
            SessionId = "s-1",
            VisitorId = "v-1",
            RealtimeUserId = "v-v-1",
            RecipeId = "welcome",
            RecipeVersion = 1,
            CreatedAt = Day.AddHours(10).AddTicks(1234567),
        }, None);
        var read = (await rooms.GetAsync(room.RoomId, None))!;
        await rooms.TryReplaceAsync(read with { Status = RoomStatus.Waiting, Department = "sales" }, None);

        var entry = Assert.Single(await ScanAsync(new ConversationFilter { Status = RoomStatus.Waiting }));
        Assert.Equal(room.RoomId, entry);
        var stored = (await _index.GetAsync(room.RoomId, read.CreatedAt, None))!;
        Assert.NotNull(stored.TransferredAt);
        Assert.Equal("sales", stored.Department);
    }
}
