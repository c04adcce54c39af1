using Livechat.Api.Admin;
using Livechat.Api.Agents;

namespace Livechat.LocalServer;

/// <summary>The agent and admin routes, as in the Functions app, each a one-line call into the shared API classes.</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        var agent = app.MapGroup("/api/v1/agent");
        agent.MapGet("/queue", (HttpRequest r, AgentsApi a, CancellationToken ct) => a.ListQueueAsync(r, ct));
        agent.MapPost("/negotiate", (HttpRequest r, AgentsApi a, CancellationToken ct) => a.NegotiateAsync(r, ct));
        agent.MapPost("/rooms/{roomId}/claim", (HttpRequest r, string roomId, AgentsApi a, CancellationToken ct) => a.ClaimAsync(r, roomId, ct));
        agent.MapGet("/rooms/{roomId}/messages", (HttpRequest r, string roomId, AgentsApi a, CancellationToken ct) => a.ReadMessagesAsync(r, roomId, ct));
        agent.MapPost("/rooms/{roomId}/messages", (HttpRequest r, string roomId, AgentsApi a, CancellationToken ct) => a.PostMessageAsync(r, roomId, ct));
        agent.MapPost("/rooms/{roomId}/close", (HttpRequest r, string roomId, AgentsApi a, CancellationToken ct) => a.CloseAsync(r, roomId, ct));

        var admin = app.MapGroup("/api/v1/admin");
        admin.MapPost("/agents/token", (HttpRequest r, AdminApi a, CancellationToken ct) => a.IssueAgentTokenAsync(r, ct));
        admin.MapPost("/rooms/{roomId}/transfer", (HttpRequest r, string roomId, AdminApi a, CancellationToken ct) => a.TransferRoomAsync(r, roomId, ct));
        return app;
    }
}
