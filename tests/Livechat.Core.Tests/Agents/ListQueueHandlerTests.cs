using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Agents;

public sealed class ListQueueHandlerTests
{
    private readonly Mock<IAgentQueue> _queue = new();
    private readonly Mock<IRoomStore> _rooms = new();

    [Fact]
    public async Task HandleAsync_DepartmentNotInTheToken_ReturnsForbiddenNamingDepartment()
    {
        var outcome = await Handler().HandleAsync(SupportOnly, "sales", CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem?.Kind);
        Assert.True(outcome.Problem!.Errors!.ContainsKey("department"));
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_EntriesOfRoomsNoLongerWaitingThere_AreDroppedFromTheQueue()
    {
        var at = DateTimeOffset.UnixEpoch;
        _queue.Setup(q => q.ListWaitingAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new QueuedRoom("r-waiting", "sales", "Vera", at),
            new QueuedRoom("r-claimed", "sales", null, at),
            new QueuedRoom("r-moved", "sales", null, at),
            new QueuedRoom("r-gone", "sales", null, at),
        ]);
        _rooms.Setup(r => r.GetAsync("r-waiting", It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting) with { RoomId = "r-waiting" });
        _rooms.Setup(r => r.GetAsync("r-claimed", It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "bob") with { RoomId = "r-claimed" });
        _rooms.Setup(r => r.GetAsync("r-moved", It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting, department: "support") with { RoomId = "r-moved" });

        var outcome = await Handler().HandleAsync(Ann, "sales", CancellationToken.None);

        Assert.Equal(["r-waiting"], outcome.Value!.Rooms.Select(r => r.RoomId));
        foreach (var stale in new[] { "r-claimed", "r-moved", "r-gone" })
            _queue.Verify(q => q.RemoveAsync("sales", stale, It.IsAny<CancellationToken>()));
        _queue.Verify(q => q.RemoveAsync("sales", "r-waiting", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("../sales")]
    public async Task HandleAsync_InvalidDepartment_ReturnsProblemNamingDepartment(string? department)
    {
        var outcome = await Handler().HandleAsync(Ann, department, CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, outcome.Problem?.Kind);
        Assert.True(outcome.Problem!.Errors!.ContainsKey("department"));
    }

    private ListQueueHandler Handler() => new(_queue.Object, _rooms.Object);
}
