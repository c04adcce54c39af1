using Livechat.Core.Common;
using System.Collections.Concurrent;

namespace Livechat.Core.Agents;

/// <summary>
/// Turns a bearer token into the calling agent. Every agent call goes through here; a visitor's session token is
/// refused like any other token that is not an agent token, and so is a revoked one: a signed token works only while
/// its record is stored. The record is read at most every <see cref="CheckEvery"/> per token and instance, so a
/// revocation holds at once on the instance that made it and within that time on the others.
/// </summary>
public sealed class AgentAuthenticator(AgentTokenService tokens, IAgentTokenStore store, TimeProvider time)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, long> _confirmedAt = new(StringComparer.Ordinal);

    public async Task<Outcome<AgentIdentity>> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken)
    {
        if (tokens.Validate(bearerToken) is not { } agent) return Refused();
        var now = time.GetTimestamp();
        if (_confirmedAt.TryGetValue(agent.TokenId, out var at) && time.GetElapsedTime(at, now) < CheckEvery) return agent;
        if (await store.GetAsync(agent.AgentId, agent.TokenId, cancellationToken) is null)
        {
            _confirmedAt.TryRemove(agent.TokenId, out _);
            return Refused();
        }
        _confirmedAt[agent.TokenId] = now;
        return agent;
    }

    /// <summary>Forgets that a token was confirmed, so its next call reads its record again (after a revocation).</summary>
    public void Forget(string tokenId) => _confirmedAt.TryRemove(tokenId, out _);

    private static Problem Refused() =>
        Problem.Unauthorized("The agent token is missing, invalid, expired or revoked. Ask an administrator for a new one.");
}
