using Livechat.Azure.Tests.Support;
using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Conversations;
using Livechat.Core.Csat;
using Livechat.Core.Departments;
using Livechat.Core.Offline;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Offline;

/// <summary>Business hours, the offline form and CSAT through the real Table stores on Azurite.</summary>
public sealed class OfflineAndCsatStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var services = Azurite.Services();
        services.AddSingleton<IRealtimePublisher, RecordingRealtimePublisher>();
        _services = await Azurite.StartAsync(services);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private async Task<Room> NewRoomAsync(RoomStatus status = RoomStatus.Open, string? agentId = null) => (await Get<IRoomStore>().CreateAsync(new Room
    {
        RoomId = Azurite.UniqueName("r"),
        SessionId = "s1",
        VisitorId = "v1",
        RealtimeUserId = "v-v1",
        RecipeId = "welcome",
        RecipeVersion = 1,
        Department = "sales",
        Status = status,
        AgentId = agentId,
        CreatedAt = DateTimeOffset.UtcNow,
    }, None)).Room;

    private static readonly VisitorSession Visitor = new() { SessionId = "s1", VisitorId = "v1", CreatedAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public async Task DepartmentHours_AreStoredWithTheDepartment_AndSurviveARename()
    {
        var department = Azurite.UniqueName("d");
        await Get<DepartmentAdminHandler>().PutAsync(department, new DepartmentDefinition("Sales", true), None);
        var put = await Get<DepartmentHoursHandler>().PutAsync(department, new BusinessHoursDefinition("Europe/Berlin",
            [new OpeningDefinition("monday", "09:00", "17:00"), new OpeningDefinition("saturday", "10:00", "24:00")], ["2026-12-25"]), None);
        Assert.True(put.IsSuccess);
        await Get<DepartmentAdminHandler>().PutAsync(department, new DepartmentDefinition("Sales EU", true), None);

        var stored = (await Get<IDepartmentStore>().GetAsync(department, None))!;
        Assert.Equal("Sales EU", stored.Name);
        Assert.Equal("Europe/Berlin", stored.Hours!.TimeZone);
        Assert.Equal([new OpeningInterval("monday", "09:00", "17:00"), new OpeningInterval("saturday", "10:00", "24:00")], stored.Hours.Intervals);
        Assert.Equal(["2026-12-25"], stored.Hours.Holidays);

        await Get<DepartmentHoursHandler>().DeleteAsync(department, None);
        Assert.Null((await Get<IDepartmentStore>().GetAsync(department, None))!.Hours);
    }

    [Fact]
    public async Task OfflineForm_LeftMessage_IsTheRoom_EndedWithItsContact_AndListedAsOffline()
    {
        var room = await NewRoomAsync();
        var rooms = Get<IRoomStore>();
        await rooms.TryReplaceAsync(room with { Status = RoomStatus.Waiting, Offline = OfflineState.Offered }, None);

        var left = await Get<OfflineMessageHandler>().HandleAsync(Visitor, room.RoomId, new OfflineMessageRequest("Vera", "vera@example.com", "Please call me"), None);
        Assert.True(left.IsSuccess);

        var stored = (await rooms.GetAsync(room.RoomId, None))!;
        Assert.Equal((RoomStatus.Ended, OfflineState.Left, new VisitorContact("Vera", "vera@example.com")), (stored.Status, stored.Offline, stored.Contact));
        Assert.Equal(["Please call me"], (await rooms.ReadMessagesAsync(room.RoomId, 0, 10, None)).Select(m => m.Text));
        var again = await Get<OfflineMessageHandler>().HandleAsync(Visitor, room.RoomId, new OfflineMessageRequest("Vera", "vera@example.com", "again"), None);
        Assert.Equal(ProblemKind.Conflict, again.Problem!.Kind);

        var agent = new AgentIdentity("ann", "Ann", ["sales"], DateTimeOffset.MaxValue);
        var list = (await Get<OfflineListHandler>().ListForAgentAsync(agent, null, None)).Value!;
        Assert.Contains(list.Conversations, c => c.RoomId == room.RoomId && c.Contact!.Email == "vera@example.com");
        var other = new AgentIdentity("sam", "Sam", ["support"], DateTimeOffset.MaxValue);
        Assert.DoesNotContain((await Get<OfflineListHandler>().ListForAgentAsync(other, null, None)).Value!.Conversations, c => c.RoomId == room.RoomId);
    }

    [Fact]
    public async Task Csat_IsStoredOnTheRoomOnce()
    {
        var room = await NewRoomAsync(RoomStatus.Ended, agentId: "ann");

        var first = await Get<CsatHandler>().HandleAsync(Visitor, room.RoomId, new CsatRequest(5, "Great"), None);
        var second = await Get<CsatHandler>().HandleAsync(Visitor, room.RoomId, new CsatRequest(1, null), None);

        Assert.True(first.IsSuccess);
        Assert.Equal(ProblemKind.Conflict, second.Problem!.Kind);
        var stored = (await Get<IRoomStore>().GetAsync(room.RoomId, None))!.Csat!;
        Assert.Equal((5, "Great"), (stored.Rating, stored.Comment));
        var detail = (await Get<ConversationsHandler>().GetAsync(room.RoomId, null, None)).Value!;
        Assert.Equal(5, detail.Csat!.Rating);
    }
}
