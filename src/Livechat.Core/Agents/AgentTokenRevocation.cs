using Livechat.Core.Common;
using Livechat.Core.Realtime;

namespace Livechat.Core.Agents;

/// <summary>
/// Lists and revokes an agent's tokens (admin API). A revoked token stops working at once on this instance and within
/// <see cref="AgentAuthenticator.CheckEvery"/> on others; the agent's console stops hearing the departments no token
/// still in force covers, and when none is left its connections are closed.
/// </summary>
public sealed class AgentTokenRevocation(
    IAgentTokenStore store,
    AgentAuthenticator authenticator,
    IRealtimePublisher realtime,
    IAgentInvitationStore invitations,
    TimeProvider time)
{
    public const string ClosedReason = "The agent token was revoked.";

    /// <summary>The agent's tokens in force, oldest first (ids and what they grant; never the tokens).</summary>
    public async Task<Outcome<IReadOnlyList<AgentTokenRecord>>> ListAsync(string agentId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(agentId, 64)) return Problem.NotFound("Agent", "agentId");
        return Outcome<IReadOnlyList<AgentTokenRecord>>.Ok(await InForceAsync(agentId, cancellationToken));
    }

    public async Task<Outcome<AgentTokensRevoked>> RevokeAsync(string agentId, string tokenId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(agentId, 64) || !Ids.IsSafe(tokenId, 64)) return Problem.NotFound("Agent token", "tokenId");
        if (await store.GetAsync(agentId, tokenId, cancellationToken) is not { } token) return Problem.NotFound("Agent token", "tokenId");
        await store.RemoveAsync(agentId, tokenId, cancellationToken);
        authenticator.Forget(tokenId);
        await StopHearingAsync(agentId, token.Departments, cancellationToken);
        return new AgentTokensRevoked(agentId, 1);
    }

    /// <summary>Signs the agent out everywhere, and cancels its unused invitations so it cannot come back through one.</summary>
    public async Task<Outcome<AgentTokensRevoked>> RevokeAllAsync(string agentId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(agentId, 64)) return Problem.NotFound("Agent", "agentId");
        foreach (var invitation in (await invitations.ListAsync(cancellationToken)).Where(i => i.AgentId == agentId && i.RedeemedAt is null))
            await invitations.RemoveAsync(invitation.CodeHash, cancellationToken);
        var tokens = await store.ListAsync(agentId, cancellationToken);
        foreach (var token in tokens)
        {
            await store.RemoveAsync(agentId, token.TokenId, cancellationToken);
            authenticator.Forget(token.TokenId);
        }
        await StopHearingAsync(agentId, [], cancellationToken);
        return new AgentTokensRevoked(agentId, tokens.Count);
    }

    private async Task StopHearingAsync(string agentId, IReadOnlyList<string> departments, CancellationToken cancellationToken)
    {
        var user = RealtimeUsers.ForAgent(agentId);
        var left = await InForceAsync(agentId, cancellationToken);
        if (left.Count == 0)
        {
            await realtime.RemoveUserFromAllGroupsAsync(user, cancellationToken);
            await realtime.CloseUserConnectionsAsync(user, ClosedReason, cancellationToken);
            return;
        }
        var covered = left.SelectMany(t => t.Departments).ToHashSet(StringComparer.Ordinal);
        foreach (var department in departments.Where(d => !covered.Contains(d)))
            await realtime.RemoveUserFromGroupAsync(user, RealtimeGroups.Department(department), cancellationToken);
    }

    private async Task<IReadOnlyList<AgentTokenRecord>> InForceAsync(string agentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await store.ListAsync(agentId, cancellationToken)).Where(t => t.ExpiresAt > now).ToList();
    }
}

/// <summary>How many of the agent's tokens a revocation removed.</summary>
public sealed record AgentTokensRevoked(string AgentId, int Revoked);
