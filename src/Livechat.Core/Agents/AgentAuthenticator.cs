using Livechat.Core.Common;

namespace Livechat.Core.Agents;

/// <summary>
/// Turns a bearer token into the calling agent. Every agent call goes through here; a visitor's session token is
/// refused like any other token that is not an agent token.
/// </summary>
public sealed class AgentAuthenticator(AgentTokenService tokens)
{
    public Outcome<AgentIdentity> Authenticate(string? bearerToken) =>
        tokens.Validate(bearerToken) is { } agent
            ? agent
            : Problem.Unauthorized("The agent token is missing, invalid or expired. Ask an administrator for a new one.");
}
