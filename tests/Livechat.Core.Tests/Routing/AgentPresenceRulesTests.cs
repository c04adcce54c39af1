using Livechat.Core.Routing;

namespace Livechat.Core.Tests.Routing;

public sealed class AgentPresenceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData(PresenceStatus.Online, 30, PresenceStatus.Online)]
    [InlineData(PresenceStatus.Online, 180, PresenceStatus.Away)]
    [InlineData(PresenceStatus.Away, 30, PresenceStatus.Away)]
    [InlineData(PresenceStatus.Offline, 30, PresenceStatus.Offline)]
    public void Effective_ChosenStatus_OnlineTurnsAwayOnlyWhenTheConsoleWentQuiet(PresenceStatus chosen, int secondsSinceHeard, PresenceStatus expected)
    {
        var row = AgentRouting.New("ann") with { Status = chosen, LastSeenAt = Now.AddSeconds(-secondsSinceHeard) };

        Assert.Equal(expected, AgentPresenceRules.Effective(row, Now, Grace));
    }

    [Fact]
    public void Effective_NeverChosen_AwayWhileTheConsoleIsThereElseOffline()
    {
        Assert.Equal(PresenceStatus.Away, AgentPresenceRules.Effective(AgentRouting.New("ann") with { LastSeenAt = Now.AddSeconds(-10) }, Now, Grace));
        Assert.Equal(PresenceStatus.Offline, AgentPresenceRules.Effective(AgentRouting.New("ann") with { LastSeenAt = Now.AddHours(-1) }, Now, Grace));
        Assert.Equal(PresenceStatus.Offline, AgentPresenceRules.Effective(AgentRouting.New("ann"), Now, Grace));
        Assert.Equal(PresenceStatus.Away, AgentPresenceRules.Effective(AgentRouting.New("ann") with { Status = PresenceStatus.Online }, Now, Grace));
    }

    [Fact]
    public void Capacity_NotSet_IsTheDefault()
    {
        var options = new RoutingOptions { DefaultCapacity = 3 };

        Assert.Equal(3, AgentPresenceRules.Capacity(AgentRouting.New("ann"), options));
        Assert.Equal(0, AgentPresenceRules.Capacity(AgentRouting.New("ann") with { Capacity = 0 }, options));
    }
}
