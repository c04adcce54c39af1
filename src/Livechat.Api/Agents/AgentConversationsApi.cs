using Livechat.Api.Http;
using Livechat.Core.Common;
using Livechat.Core.Conversations;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Agents;

/// <summary>
/// The conversations API with an agent token: the same list, room and transcript as the admin's, limited to the
/// agent's departments (a room of another department, or of none, is not found).
/// </summary>
public sealed class AgentConversationsApi(AgentCall call, ConversationsHandler conversations)
{
    /// <summary>GET /api/v1/agent/conversations?status=&amp;department=&amp;userId=&amp;from=&amp;to=&amp;q=&amp;continuationToken=&amp;pageSize=</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var query = new ConversationQuery(q["status"], q["department"], q["userId"], q["from"], q["to"], q["q"], q["continuationToken"], q["pageSize"]);
        return call.RunAsync(request, a => conversations.ListAsync(query, Scope(a), cancellationToken), p => TypedResults.Ok(p), cancellationToken);
    }

    /// <summary>GET /api/v1/agent/conversations/{roomId}</summary>
    public Task<IResult> GetAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync(request, a => conversations.GetAsync(roomId, Scope(a), cancellationToken), d => TypedResults.Ok(d), cancellationToken);

    /// <summary>GET /api/v1/agent/conversations/{roomId}/transcript?format=json|text</summary>
    public Task<IResult> TranscriptAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync<IResult>(request, async a =>
        {
            var asText = TranscriptResults.ParseFormat(request.Query["format"]);
            if (!asText.IsSuccess) return asText.Problem!;
            var detail = await conversations.GetAsync(roomId, Scope(a), cancellationToken);
            return detail.IsSuccess ? Outcome<IResult>.Ok(TranscriptResults.Of(ConversationTranscript.Of(detail.Value!), asText.Value)) : detail.Problem!;
        }, r => r, cancellationToken);

    private static HashSet<string> Scope(Core.Agents.AgentIdentity agent) => new(agent.Departments, StringComparer.Ordinal);
}
