using Livechat.Api.Http;
using Livechat.Core.Routing;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Agents;

/// <summary>HTTP face of presence (the agent's own, with an agent token) and capacity (the admin's, with the admin key).</summary>
public sealed class RoutingApi(AgentCall agentCall, AdminCall adminCall, PresenceHandler presence, CapacityHandler capacity)
{
    /// <summary>GET /api/v1/agent/presence: the agent's presence now, its capacity and the chats it holds.</summary>
    public Task<IResult> GetPresenceAsync(HttpRequest request, CancellationToken cancellationToken) =>
        agentCall.RunAsync(request, a => presence.GetAsync(a, cancellationToken), p => TypedResults.Ok(p), cancellationToken);

    /// <summary>PUT /api/v1/agent/presence <c>{"status":"online|away|offline"}</c>: sets it; online brings waiting chats, offline offers unanswered ones to others.</summary>
    public Task<IResult> SetPresenceAsync(HttpRequest request, CancellationToken cancellationToken) =>
        agentCall.RunAsync<PresenceRequest, AgentPresenceView>(request, (a, body) => presence.SetAsync(a, body, cancellationToken), p => TypedResults.Ok(p),
            cancellationToken);

    /// <summary>PUT /api/v1/admin/agents/{agentId}/capacity <c>{"capacity":N}</c>: most chats at once (0-100; null: the default).</summary>
    public Task<IResult> SetCapacityAsync(HttpRequest request, string agentId, CancellationToken cancellationToken) =>
        adminCall.RunAsync<CapacityRequest, AgentCapacity>(request, body => capacity.SetAsync(agentId, body, cancellationToken), c => TypedResults.Ok(c),
            cancellationToken);
}
