using Livechat.Core.Agents;
using Livechat.Core.Rooms;
using Livechat.Core.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Routing;

public sealed class PresenceAgentAvailabilityTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Mock<IRoomStore> _rooms = new(MockBehavior.Strict);
    private readonly Mock<IAgentTokenStore> _tokens = new();
    private readonly Mock<IAgentRoutingStore> _routing = new();

    private PresenceAgentAvailability Availability() =>
        new(new AgentRoster(_tokens.Object, _routing.Object, _rooms.Object, Options.Create(new RoutingOptions()), new FakeTimeProvider(At)));

    [Theory]
    [InlineData(PresenceStatus.Online, true)]
    [InlineData(PresenceStatus.Away, false)]
    [InlineData(PresenceStatus.Offline, false)]
    public async Task AnyoneOnline_FollowsTheAgentsChosenPresence_WithoutReadingTheChatsTheyHold(PresenceStatus chosen, bool expected)
    {
        _tokens.Setup(t => t.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new AgentTokenRecord("ann", "t1", "Ann", ["sales"], At, At.AddHours(1))]);
        _routing.Setup(r => r.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([
            AgentRouting.New("ann") with { Status = chosen, LastSeenAt = At, RoomIds = ["held-1", "held-2", "held-3"] }]);

        // A strict room store: any room read throws.
        Assert.Equal(expected, await Availability().AnyoneOnlineAsync("sales", CancellationToken.None));
        Assert.False(await Availability().AnyoneOnlineAsync("billing", CancellationToken.None));
    }
}
