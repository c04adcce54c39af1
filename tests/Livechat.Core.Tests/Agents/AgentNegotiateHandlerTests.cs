using Livechat.Core.Agents;
using Livechat.Core.Realtime;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Agents;

public sealed class AgentNegotiateHandlerTests
{
    [Fact]
    public async Task HandleAsync_Agent_NegotiatesItsOwnIdentityAndJoinsEachDepartmentGroup_ForAsLongAsItsTokenWorks()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var negotiator = new Mock<IRealtimeNegotiator>();
        var realtime = new Mock<IRealtimePublisher>();
        negotiator.Setup(n => n.Negotiate("a-ann")).Returns(new NegotiateResult("https://hub", "t"));
        var agent = new AgentIdentity("ann", "Ann", ["sales", "support"], time.GetUtcNow().AddHours(2));

        var result = await new AgentNegotiateHandler(negotiator.Object, realtime.Object, time).HandleAsync(agent, CancellationToken.None);

        Assert.Equal(new NegotiateResult("https://hub", "t"), result);
        realtime.Verify(p => p.AddUserToGroupAsync("a-ann", RealtimeGroups.Department("sales"), TimeSpan.FromHours(2), It.IsAny<CancellationToken>()));
        realtime.Verify(p => p.AddUserToGroupAsync("a-ann", RealtimeGroups.Department("support"), TimeSpan.FromHours(2), It.IsAny<CancellationToken>()));
        realtime.VerifyNoOtherCalls();
    }
}
