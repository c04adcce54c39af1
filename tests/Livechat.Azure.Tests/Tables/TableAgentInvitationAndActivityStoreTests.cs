using Livechat.Azure.Tests.Support;
using Livechat.Core.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

/// <summary>The invitation and agent-activity tables on Azurite: one conditional redemption, and the rows the dashboard reads.</summary>
public sealed class TableAgentInvitationAndActivityStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;
    private IAgentInvitationStore _invitations = null!;
    private IAgentActivityStore _activity = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _invitations = _services.GetRequiredService<IAgentInvitationStore>();
        _activity = _services.GetRequiredService<IAgentActivityStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Invitation_RedeemedOnce_TheSecondRedemptionOfTheSameReadLoses()
    {
        var hash = "h" + Guid.NewGuid().ToString("N");
        await _invitations.AddAsync(new AgentInvitation(hash, "ann", "Ann", ["sales", "support"], At, At.AddDays(1)), None);
        var read = await _invitations.GetAsync(hash, None);

        var first = await _invitations.TryRedeemAsync(read!, At.AddMinutes(1), None);
        var second = await _invitations.TryRedeemAsync(read!, At.AddMinutes(2), None);

        Assert.True(first);
        Assert.False(second);
        var stored = await _invitations.GetAsync(hash, None);
        Assert.Equal(At.AddMinutes(1), stored!.RedeemedAt);
        Assert.Equal(["sales", "support"], stored.Departments);
        Assert.Contains(await _invitations.ListAsync(None), i => i.CodeHash == hash);

        await _invitations.RemoveAsync(hash, None);
        await _invitations.RemoveAsync(hash, None);
        Assert.Null(await _invitations.GetAsync(hash, None));
    }

    [Fact]
    public async Task Activity_LastSeenAndHeldRooms_ListPerAgent()
    {
        var agent = "a" + Guid.NewGuid().ToString("N")[..12];
        await _activity.SetLastSeenAsync(agent, At, None);
        await _activity.SetLastSeenAsync(agent, At.AddMinutes(1), None);
        await _activity.AddHeldRoomAsync(agent, "r-1", None);
        await _activity.AddHeldRoomAsync(agent, "r-2", None);
        await _activity.AddHeldRoomAsync(agent, "r-2", None);
        await _activity.RemoveHeldRoomAsync(agent, "r-1", None);
        await _activity.RemoveHeldRoomAsync(agent, "r-1", None);

        var mine = Assert.Single(await _activity.ListAsync(None), a => a.AgentId == agent);

        Assert.Equal(At.AddMinutes(1), mine.LastSeenAt);
        Assert.Equal(["r-2"], mine.HeldRoomIds);
    }
}
