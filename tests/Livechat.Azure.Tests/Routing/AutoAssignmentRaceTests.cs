using Livechat.Azure.Tests.Support;
using Livechat.Core.Agents;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Routing;

/// <summary>
/// Auto-assignment run by two app instances at once (two service providers over the same tables, sharing nothing
/// in memory): no room goes to two agents, no agent gets more rooms than its capacity.
/// </summary>
public sealed class AutoAssignmentRaceTests : IAsyncLifetime
{
    private const string Department = "sales";
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string _prefix = Azurite.UniqueName("t");
    private ServiceProvider _one = null!;
    private ServiceProvider _two = null!;

    public async Task InitializeAsync()
    {
        _one = await StartInstanceAsync();
        _two = await StartInstanceAsync();
    }

    public async Task DisposeAsync()
    {
        await _one.DisposeAsync();
        await _two.DisposeAsync();
    }

    private async Task<ServiceProvider> StartInstanceAsync()
    {
        var services = Azurite.Services(new Dictionary<string, string?> { ["Storage:TablePrefix"] = _prefix });
        services.AddSingleton<IRealtimePublisher, RecordingRealtimePublisher>();
        return await Azurite.StartAsync(services);
    }

    [Fact]
    public async Task AssignAsync_TwoInstancesAtOnce_EachRoomToOneAgentAndNobodyOverCapacity()
    {
        await OnlineAgentAsync("ann", capacity: 2);
        await OnlineAgentAsync("bob", capacity: 1);
        var roomIds = await WaitingRoomsAsync(6);

        var counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? _one : _two).GetRequiredService<AutoAssigner>().AssignAsync(Department, None)));

        var rooms = await Task.WhenAll(roomIds.Select(id => _one.GetRequiredService<IRoomStore>().GetAsync(id, None)));
        var assigned = rooms.Where(r => r!.Status == RoomStatus.Agent).ToList();
        Assert.Equal(3, assigned.Count);
        Assert.Equal(3, counts.Sum());
        Assert.Equal(2, assigned.Count(r => r!.AgentId == "ann"));
        Assert.Equal(1, assigned.Count(r => r!.AgentId == "bob"));
        // Exactly one "joined" line per assigned room: no room was claimed by two agents, even for a moment.
        foreach (var room in assigned)
        {
            var messages = await _one.GetRequiredService<IRoomStore>().ReadMessagesAsync(room!.RoomId, 0, 100, None);
            Assert.Single(messages, m => m.Text.EndsWith("joined the chat", StringComparison.Ordinal));
        }
        // The seats agree with the rooms.
        var routing = _two.GetRequiredService<IAgentRoutingStore>();
        Assert.Equal(assigned.Where(r => r!.AgentId == "ann").Select(r => r!.RoomId).Order(), (await routing.GetAsync("ann", None)).RoomIds.Order());
        Assert.Equal(assigned.Where(r => r!.AgentId == "bob").Select(r => r!.RoomId), (await routing.GetAsync("bob", None)).RoomIds);
        // The rest still wait, oldest first.
        var waiting = await _one.GetRequiredService<IAgentQueue>().ListWaitingAsync(Department, None);
        Assert.Equal(roomIds.Except(assigned.Select(r => r!.RoomId)), waiting.Select(w => w.RoomId));
    }

    [Fact]
    public async Task AssignAsync_RoomEndsOnOneInstance_TheFreedSeatGoesToTheNextRoomOnce()
    {
        await OnlineAgentAsync("ann", capacity: 1);
        var roomIds = await WaitingRoomsAsync(3);
        await _one.GetRequiredService<AutoAssigner>().AssignAsync(Department, None);
        var rooms = _one.GetRequiredService<IRoomStore>();
        Assert.Equal(RoomStatus.Agent, (await rooms.GetAsync(roomIds[0], None))!.Status);

        // The chat ends on instance one (its RoomCloser frees the seat and assigns); instance two assigns at the same time.
        await Task.WhenAll(
            _one.GetRequiredService<RoomCloser>().CloseAsync(roomIds[0], EndReasons.ClosedByAgent, None),
            _two.GetRequiredService<AutoAssigner>().AssignAsync(Department, None));
        await _two.GetRequiredService<AutoAssigner>().AssignAsync(Department, None);

        Assert.Equal(RoomStatus.Agent, (await rooms.GetAsync(roomIds[1], None))!.Status);
        Assert.Equal(RoomStatus.Waiting, (await rooms.GetAsync(roomIds[2], None))!.Status);
        Assert.Equal([roomIds[1]], (await _one.GetRequiredService<IAgentRoutingStore>().GetAsync("ann", None)).RoomIds);
    }

    [Fact]
    public async Task AssignAsync_AwayOrQuietAgent_GetsNothing()
    {
        await OnlineAgentAsync("ann", capacity: 3, lastSeen: DateTimeOffset.UtcNow.AddMinutes(-10));
        await OnlineAgentAsync("bob", capacity: 3, status: PresenceStatus.Away);
        await WaitingRoomsAsync(2);

        Assert.Equal(0, await _one.GetRequiredService<AutoAssigner>().AssignAsync(Department, None));
        Assert.False(await _one.GetRequiredService<IAgentAvailability>().AnyoneOnlineAsync(Department, None));
    }

    private async Task OnlineAgentAsync(string agentId, int capacity, PresenceStatus status = PresenceStatus.Online, DateTimeOffset? lastSeen = null)
    {
        var now = DateTimeOffset.UtcNow;
        await _one.GetRequiredService<IAgentTokenStore>().AddAsync(new AgentTokenRecord(agentId, "t-" + agentId, agentId, [Department], now, now.AddHours(1)), None);
        await _one.GetRequiredService<IAgentActivityStore>().SetLastSeenAsync(agentId, lastSeen ?? now, None);
        Assert.NotNull(await _one.GetRequiredService<IAgentRoutingStore>().TrySaveAsync(
            AgentRouting.New(agentId) with { Status = status, Capacity = capacity }, None));
    }

    private async Task<IReadOnlyList<string>> WaitingRoomsAsync(int count)
    {
        var ids = new List<string>();
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var room = (await _one.GetRequiredService<IRoomStore>().CreateAsync(new Room
            {
                RoomId = Azurite.UniqueName("r"),
                SessionId = "s" + i,
                VisitorId = "v" + i,
                RealtimeUserId = "v-v" + i,
                RecipeId = "welcome",
                RecipeVersion = 1,
                Department = Department,
                Status = RoomStatus.Waiting,
                CreatedAt = start,
            }, None)).Room;
            await _one.GetRequiredService<IAgentQueue>().EnqueueAsync(room, null, start.AddSeconds(i), None);
            ids.Add(room.RoomId);
        }
        return ids;
    }
}
