using Livechat.Core.Agents;
using Livechat.Core.Routing;

namespace Livechat.Core.Tests.Routing;

public sealed class RoundRobinTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static RoutingCandidate Agent(string id, PresenceStatus presence = PresenceStatus.Online, int capacity = 2, int seats = 0, DateTimeOffset? lastAssigned = null) =>
        new(new AgentIdentity(id, id, ["sales"], DateTimeOffset.MaxValue), AgentRouting.New(id) with { LastAssignedAt = lastAssigned }, presence, capacity,
            Enumerable.Range(0, seats).Select(i => $"r-{id}-{i}").ToList());

    [Fact]
    public void Pick_SeveralOnline_TheOneWhoseLastChatIsOldest()
    {
        var pick = RoundRobin.Pick([Agent("ann", lastAssigned: At.AddMinutes(2)), Agent("bob", lastAssigned: At), Agent("cid", lastAssigned: At.AddMinutes(1))]);

        Assert.Equal("bob", pick?.AgentId);
    }

    [Fact]
    public void Pick_NeverAssigned_ComesFirst_TiesByAgentId()
    {
        Assert.Equal("cid", RoundRobin.Pick([Agent("ann", lastAssigned: At), Agent("dan"), Agent("cid")])?.AgentId);
    }

    [Fact]
    public void Pick_AwayOfflineOrFull_AreSkipped()
    {
        var pick = RoundRobin.Pick([
            Agent("ann", PresenceStatus.Away),
            Agent("bob", PresenceStatus.Offline),
            Agent("cid", capacity: 2, seats: 2),
            Agent("dan", capacity: 0),
            Agent("eve", capacity: 3, seats: 2, lastAssigned: At.AddHours(1)),
        ]);

        Assert.Equal("eve", pick?.AgentId);
    }

    [Fact]
    public void Pick_NobodyFree_IsNull()
    {
        Assert.Null(RoundRobin.Pick([Agent("ann", PresenceStatus.Away), Agent("cid", capacity: 1, seats: 1)]));
        Assert.Null(RoundRobin.Pick([]));
    }

    [Fact]
    public void Pick_AfterEachAssignment_GoesRoundTheTeam()
    {
        var team = new Dictionary<string, RoutingCandidate> { ["ann"] = Agent("ann", capacity: 5), ["bob"] = Agent("bob", capacity: 5), ["cid"] = Agent("cid", capacity: 5) };
        var order = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var pick = RoundRobin.Pick(team.Values)!;
            order.Add(pick.AgentId);
            team[pick.AgentId] = pick with { Row = pick.Row with { LastAssignedAt = At.AddMinutes(i) }, Seats = [.. pick.Seats, $"r{i}"] };
        }

        Assert.Equal(["ann", "bob", "cid", "ann", "bob", "cid"], order);
    }
}
