using Livechat.Core.Agents;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Agents;

/// <summary>The dashboard's agent list: who is known, online, and how many chats each holds.</summary>
public sealed class AgentDirectoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
    private readonly Mock<IAgentTokenStore> _tokens = new();
    private readonly Mock<IAgentInvitationStore> _invitations = new();
    private readonly Mock<IAgentActivityStore> _activity = new();
    private readonly Mock<IRoomStore> _rooms = new();

    public AgentDirectoryTests()
    {
        _tokens.Setup(s => s.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _invitations.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _activity.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    [Fact]
    public async Task List_CountsOnlyRoomsStillHeldByTheAgent_AndDropsStaleIndexRows()
    {
        var now = _time.GetUtcNow();
        _tokens.Setup(s => s.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Token("ann", "Ann", ["sales"], now)]);
        _activity.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new AgentActivity("ann", now, ["r-held", "r-ended", "r-gone"])]);
        _rooms.Setup(r => r.GetAsync("r-held", It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann") with { RoomId = "r-held" });
        _rooms.Setup(r => r.GetAsync("r-ended", It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Ended, agentId: "ann") with { RoomId = "r-ended" });

        var list = await Directory().ListAsync(CancellationToken.None);

        var ann = Assert.Single(list.Agents);
        Assert.Equal(1, ann.ChatsHeld);
        _activity.Verify(a => a.RemoveHeldRoomAsync("ann", "r-ended", It.IsAny<CancellationToken>()));
        _activity.Verify(a => a.RemoveHeldRoomAsync("ann", "r-gone", It.IsAny<CancellationToken>()));
        _activity.Verify(a => a.RemoveHeldRoomAsync("ann", "r-held", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task List_OnlineWhenHeardWithinTwoMinutes()
    {
        var now = _time.GetUtcNow();
        _tokens.Setup(s => s.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [Token("ann", "Ann", ["sales"], now), Token("bob", "Bob", ["sales"], now), Token("cy", "Cy", ["sales"], now)]);
        _activity.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [new AgentActivity("ann", now.AddSeconds(-100), []), new AgentActivity("bob", now.AddMinutes(-3), [])]);

        var list = await Directory().ListAsync(CancellationToken.None);

        Assert.Equal([("ann", true), ("bob", false), ("cy", false)], list.Agents.Select(a => (a.AgentId, a.Online)));
        Assert.Null(list.Agents[2].LastSeenAt);
    }

    [Fact]
    public async Task List_JoinsTheDepartmentsOfTokensInForce_AndShowsInvitedAgentsWithoutATokenYet()
    {
        var now = _time.GetUtcNow();
        _tokens.Setup(s => s.ListAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            Token("ann", "Ann", ["support"], now),
            Token("ann", "Ann", ["sales"], now.AddMinutes(1)),
            Token("old", "Old", ["sales"], now.AddDays(-2)) with { ExpiresAt = now.AddSeconds(-1) },
        ]);
        _invitations.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AgentInvitation("h1", "dee", "Dee", ["billing"], now, now.AddDays(1)),
            new AgentInvitation("h2", "ann", "Ann", ["billing"], now, now.AddDays(1)),
            new AgentInvitation("h3", "eve", "Eve", ["billing"], now, now.AddDays(1)) { RedeemedAt = now },
        ]);

        var list = await Directory().ListAsync(CancellationToken.None);

        Assert.Equal(["ann", "dee"], list.Agents.Select(a => a.AgentId));
        Assert.Equal(["sales", "support"], list.Agents[0].Departments);
        Assert.False(list.Agents[0].Invited);
        Assert.True(list.Agents[1].Invited);
    }

    private static AgentTokenRecord Token(string agentId, string name, string[] departments, DateTimeOffset issuedAt) =>
        new(agentId, "t-" + agentId + issuedAt.Ticks, name, departments, issuedAt, issuedAt.AddHours(12));

    private AgentDirectory Directory() => new(_tokens.Object, _invitations.Object, _activity.Object, _rooms.Object, _time);
}
