using Livechat.Core.Agents;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Agents;

public sealed class AgentPresenceTests
{
    [Fact]
    public async Task Seen_ManyTimesAMinute_WritesOncePerAgentPerMinute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var store = new Mock<IAgentActivityStore>();
        var presence = new AgentPresence(store.Object, time);

        for (var i = 0; i < 4; i++)
        {
            await presence.SeenAsync(Ann, CancellationToken.None);
            await presence.SeenAsync(Bob, CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(20));
        }

        // At 0 s and 60 s for each agent; never at 20 s or 40 s.
        store.Verify(s => s.SetLastSeenAsync("ann", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        store.Verify(s => s.SetLastSeenAsync("bob", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        store.Verify(s => s.SetLastSeenAsync("ann", new DateTimeOffset(2026, 3, 4, 5, 7, 7, TimeSpan.Zero), It.IsAny<CancellationToken>()));
    }
}
