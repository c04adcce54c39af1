using Livechat.Azure.Tests.Support;
using Livechat.Core.Agents;
using Livechat.Core.Languages;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Routing;

/// <summary>Presence changes on Azurite: going offline hands the unanswered chats to the next free agent, and keeps the rest.</summary>
public sealed class RoomReofferTests : IAsyncLifetime
{
    private const string Department = "sales";
    private static readonly CancellationToken None = CancellationToken.None;
    private ServiceProvider _services = null!;

    private static AgentIdentity Identity(string agentId) => new(agentId, agentId.ToUpperInvariant(), [Department], DateTimeOffset.UtcNow.AddHours(1));

    public async Task InitializeAsync()
    {
        var services = Azurite.Services();
        services.AddSingleton<IRealtimePublisher, RecordingRealtimePublisher>();
        _services = await Azurite.StartAsync(services);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SetAsync_Offline_UnansweredChatGoesToTheNextOnlineAgent_AnsweredOneStays()
    {
        var presence = _services.GetRequiredService<PresenceHandler>();
        var rooms = _services.GetRequiredService<IRoomStore>();
        await TokenAsync("ann");
        await TokenAsync("bob");
        await _services.GetRequiredService<CapacityHandler>().SetAsync("ann", new CapacityRequest(2), None);
        var answered = await WaitingRoomAsync();
        var unanswered = await WaitingRoomAsync();

        var ann = await presence.SetAsync(Identity("ann"), new PresenceRequest("online"), None);
        Assert.Equal(PresenceStatus.Online, ann.Value!.Status);
        Assert.Equal(new[] { answered, unanswered }.Order(), ann.Value.RoomIds.Order());
        var post = await _services.GetRequiredService<AgentPostMessageHandler>()
            .HandleAsync(Identity("ann"), answered, new AgentMessageRequest("a-1", "Hello, Ann here."), None);
        Assert.True(post.IsSuccess, post.Problem?.Title);
        Assert.True((await presence.SetAsync(Identity("bob"), new PresenceRequest("online"), None)).IsSuccess);

        var gone = await presence.SetAsync(Identity("ann"), new PresenceRequest("offline"), None);

        Assert.Equal(PresenceStatus.Offline, gone.Value!.Status);
        Assert.Equal([answered], gone.Value.RoomIds);
        Assert.Equal("ann", (await rooms.GetAsync(answered, None))!.AgentId);
        var moved = (await rooms.GetAsync(unanswered, None))!;
        Assert.Equal((RoomStatus.Agent, "bob"), (moved.Status, moved.AgentId));
        var lines = (await rooms.ReadMessagesAsync(unanswered, 0, 100, None)).Select(m => m.Text).ToList();
        Assert.Contains(SystemLines.English.Reoffered, lines);
        Assert.Equal("BOB joined the chat", lines.Last());
    }

    [Fact]
    public async Task HandOver_MovesTheSeat_SoTheFreedAgentTakesTheNextWaitingChat()
    {
        var presence = _services.GetRequiredService<PresenceHandler>();
        var routing = _services.GetRequiredService<IAgentRoutingStore>();
        await TokenAsync("ann");
        await TokenAsync("bob");
        await _services.GetRequiredService<CapacityHandler>().SetAsync("ann", new CapacityRequest(1), None);
        var first = await WaitingRoomAsync();
        Assert.Equal([first], (await presence.SetAsync(Identity("ann"), new PresenceRequest("online"), None)).Value!.RoomIds);
        var second = await WaitingRoomAsync();
        Assert.Equal(RoomStatus.Waiting, (await _services.GetRequiredService<IRoomStore>().GetAsync(second, None))!.Status);
        await _services.GetRequiredService<CapacityHandler>().SetAsync("bob", new CapacityRequest(1), None);

        var handed = await _services.GetRequiredService<AgentTransferHandler>()
            .HandleAsync(Identity("ann"), first, new AgentTransferRequest(null, "bob", "Wants a refund."), None);

        Assert.True(handed.IsSuccess, handed.Problem?.Title);
        Assert.Equal([first], (await routing.GetAsync("bob", None)).RoomIds);
        // Ann's one seat is free again, so the chat that waited is hers now.
        Assert.Equal([second], (await routing.GetAsync("ann", None)).RoomIds);
        var taken = (await _services.GetRequiredService<IRoomStore>().GetAsync(second, None))!;
        Assert.Equal((RoomStatus.Agent, "ann"), (taken.Status, taken.AgentId));
    }

    [Fact]
    public async Task SetAsync_UnknownStatus_IsRefusedNamingTheField()
    {
        var refused = await _services.GetRequiredService<PresenceHandler>().SetAsync(Identity("ann"), new PresenceRequest("Online, Away"), None);

        Assert.True(refused.Problem?.Errors?.ContainsKey("status"));
        Assert.Null((await _services.GetRequiredService<IAgentRoutingStore>().GetAsync("ann", None)).ETag);
    }

    private Task TokenAsync(string agentId) =>
        _services.GetRequiredService<IAgentTokenStore>().AddAsync(
            new AgentTokenRecord(agentId, "t-" + agentId, agentId.ToUpperInvariant(), [Department], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1)), None);

    private async Task<string> WaitingRoomAsync()
    {
        var room = (await _services.GetRequiredService<IRoomStore>().CreateAsync(new Room
        {
            RoomId = Azurite.UniqueName("r"),
            SessionId = "s1",
            VisitorId = "v1",
            RealtimeUserId = "v-v1",
            RecipeId = "welcome",
            RecipeVersion = 1,
            Department = Department,
            Status = RoomStatus.Waiting,
            CreatedAt = DateTimeOffset.UtcNow,
        }, None)).Room;
        await _services.GetRequiredService<IAgentQueue>().EnqueueAsync(room, null, DateTimeOffset.UtcNow, None);
        return room.RoomId;
    }
}
