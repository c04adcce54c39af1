namespace Livechat.Core.Agents;

/// <summary>
/// A one-time sign-in link for an agent, as stored: the SHA-256 of its code (never the code), whom it signs in, until
/// when, and whether it was used.
/// </summary>
public sealed record AgentInvitation(string CodeHash, string AgentId, string Name, IReadOnlyList<string> Departments, DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    public DateTimeOffset? RedeemedAt { get; init; }
    /// <summary>The stored row's version: redeeming is conditional on it, so a code signs in once however many try.</summary>
    public string? ETag { get; init; }
}

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

/// <summary>A new invitation: the code (shown once, never stored), the console link carrying it, and its expiry.</summary>
public sealed record AgentInvitationCreated(string AgentId, string Name, IReadOnlyList<string> Departments, string Code, string Link, DateTimeOffset ExpiresAt);

/// <summary>The agent console's request to redeem an invitation's code.</summary>
public sealed record RedeemInvitationRequest(string? Code);
