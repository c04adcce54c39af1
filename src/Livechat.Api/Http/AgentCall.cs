using Livechat.Core.Agents;
using Livechat.Core.Common;

namespace Livechat.Api.Http;

/// <summary>An agent's call: the bearer is an agent token (a visitor's session token is refused).</summary>
public sealed class AgentCall(AgentAuthenticator auth) : BearerCall<AgentIdentity>
{
    protected override Task<Outcome<AgentIdentity>> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken) =>
        auth.AuthenticateAsync(bearerToken, cancellationToken);
}
