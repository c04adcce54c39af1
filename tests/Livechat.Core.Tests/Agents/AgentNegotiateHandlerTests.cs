using Livechat.Core.Agents;
using Livechat.Core.Realtime;
using Moq;

namespace Livechat.Core.Tests.Agents;

public sealed class AgentNegotiateHandlerTests
{
    [Fact]
    public async Task HandleAsync_Agent_NegotiatesItsOwnIdentityAndJoinsEachDepartmentGroup()
    {
        var negotiator = new Mock<IRealtimeNegotiator>();
        var realtime = new Mock<IRealtimePublisher>();
        negotiator.Setup(n => n.Negotiate("a-ann")).Returns(new NegotiateResult("https://hub", "t"));
        var agent = new AgentIdentity("ann", "Ann", ["sales", "support"], DateTimeOffset.MaxValue);

        var result = await new AgentNegotiateHandler(negotiator.Object, realtime.Object).HandleAsync(agent, CancellationToken.None);

        Assert.Equal(new NegotiateResult("https://hub", "t"), result);
        realtime.Verify(p => p.AddUserToGroupAsync("a-ann", RealtimeGroups.Department("sales"), It.IsAny<CancellationToken>()));
        realtime.Verify(p => p.AddUserToGroupAsync("a-ann", RealtimeGroups.Department("support"), It.IsAny<CancellationToken>()));
        realtime.VerifyNoOtherCalls();
    }
}
