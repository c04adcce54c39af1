namespace Livechat.Core.Agents;

/// <summary>The invitations, one row each by code hash.</summary>
public interface IAgentInvitationStore
{
    Task AddAsync(AgentInvitation invitation, CancellationToken cancellationToken);

    Task<AgentInvitation?> GetAsync(string codeHash, CancellationToken cancellationToken);

    /// <summary>Marks it used if it is unchanged since read (its <see cref="AgentInvitation.ETag"/>); false when another redemption came first.</summary>
    Task<bool> TryRedeemAsync(AgentInvitation invitation, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every stored invitation (a small table: one row per link made in the last day or so).</summary>
    Task<IReadOnlyList<AgentInvitation>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the row; one already gone is not an error.</summary>
    Task RemoveAsync(string codeHash, CancellationToken cancellationToken);
}
