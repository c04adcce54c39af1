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
