using Livechat.Core.Agents;
using Livechat.Core.Departments;
using Livechat.Core.Offline;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Offline;

public sealed class OfflineRoutingTests
{
    private readonly Mock<IRoomStore> _rooms = new();
    private readonly Mock<IAgentQueue> _queue = new();
    private readonly Mock<IDepartmentStore> _departments = new();
    private readonly Mock<IAgentAvailability> _availability = new();
    private readonly Mock<IRealtimePublisher> _realtime = new();
    // Monday 2026-11-30 20:00 UTC.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-30T20:00:00Z"));

    public OfflineRoutingTests()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open, department: null));
        _rooms.Setup(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>())).ReturnsAsync((Room r, CancellationToken _) => r with { ETag = "2" });
        SetupAppend(_rooms);
        _availability.Setup(a => a.AnyoneOnlineAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    private void Hours(string zone, string open, string close) => _departments.Setup(d => d.GetAsync("sales", It.IsAny<CancellationToken>()))
        .ReturnsAsync(new Department("sales", "Sales", true, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)
        {
            Hours = new BusinessHours(zone, [new OpeningInterval("monday", open, close)], []),
        });

    private RoomTransfer Transfer(bool whenNobodyOnline = true)
    {
        var events = new ChatEventPublisher(_realtime.Object);
        var offline = new OfflineRouting(_departments.Object, _availability.Object, _rooms.Object, events,
            Options.Create(new OfflineOptions { WhenNobodyOnline = whenNobodyOnline }), _time, NullLogger<OfflineRouting>.Instance);
        return new RoomTransfer(_rooms.Object, _queue.Object, new Mock<ISessionStore>().Object, new Mock<IUserStore>().Object, events, _time,
            NullLogger<RoomTransfer>.Instance, offline: offline);
    }

    [Fact]
    public async Task Transfer_OutsideHours_OffersTheFormInsteadOfTheQueue()
    {
        // 20:00 UTC is 21:00 in Berlin: after its 17:00 close.
        Hours("Europe/Berlin", "09:00", "17:00");

        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.True(outcome.Value!.Offline);
        _rooms.Verify(r => r.TryReplaceAsync(It.Is<Room>(x => x.Offline == OfflineState.Offered && x.Department == "sales" && x.Status == RoomStatus.Waiting), It.IsAny<CancellationToken>()));
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<Room>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _rooms.Verify(r => r.AppendAsync(It.IsAny<Room>(), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.OfflineForm, new OfflineFormEvent(RoomId, "sales", OfflineReasons.Closed), It.IsAny<CancellationToken>()));
        _realtime.Verify(p => p.SendToGroupAsync(It.IsAny<string>(), RealtimeEvents.RoomWaiting, It.IsAny<object>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Transfer_InsideHoursInTheDepartmentsZone_Queues()
    {
        // 20:00 UTC is 15:00 in New York.
        Hours("America/New_York", "09:00", "17:00");

        var outcome = await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None);

        Assert.False(outcome.Value!.Offline);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<Room>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Transfer_NobodyOnline_OffersTheForm_UnlessTurnedOff()
    {
        _availability.Setup(a => a.AnyoneOnlineAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        Assert.True((await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None)).Value!.Offline);
        _realtime.Verify(p => p.SendToUserAsync(VisitorUser, RealtimeEvents.OfflineForm, new OfflineFormEvent(RoomId, "sales", OfflineReasons.NobodyOnline), It.IsAny<CancellationToken>()));

        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open, department: null));
        Assert.False((await Transfer(whenNobodyOnline: false).TransferAsync(RoomId, "sales", CancellationToken.None)).Value!.Offline);
    }

    [Fact]
    public async Task Transfer_RoomAlreadyOffered_AnswersTheSame_WithoutWritingAgain()
    {
        Hours("Europe/Berlin", "09:00", "17:00");
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Waiting) with { Offline = OfflineState.Offered });

        Assert.True((await Transfer().TransferAsync(RoomId, "sales", CancellationToken.None)).Value!.Offline);
        _rooms.Verify(r => r.TryReplaceAsync(It.IsAny<Room>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
