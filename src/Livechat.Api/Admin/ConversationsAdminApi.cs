using Livechat.Api.Http;
using Livechat.Core.Conversations;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Admin;

/// <summary>
/// HTTP face of the dashboard's conversations and overview, protected by the <c>x-admin-key</c> header. The admin
/// sees every department (no scope); an agent-token face can call the same handlers with the agent's departments.
/// </summary>
public sealed class ConversationsAdminApi(AdminCall call, ConversationsHandler conversations, OverviewHandler overview)
{
    /// <summary>GET /api/v1/admin/conversations?status=&amp;department=&amp;userId=&amp;from=&amp;to=&amp;q=&amp;continuationToken=&amp;pageSize=</summary>
    public Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var query = new ConversationQuery(q["status"], q["department"], q["userId"], q["from"], q["to"], q["q"], q["continuationToken"], q["pageSize"], q["offline"]);
        return call.RunAsync(request, () => conversations.ListAsync(query, null, cancellationToken), p => TypedResults.Ok(p));
    }

    /// <summary>GET /api/v1/admin/conversations/{roomId}: the room, the visitor's params and fields, the transcript.</summary>
    public Task<IResult> GetAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => conversations.GetAsync(roomId, null, cancellationToken), d => TypedResults.Ok(d));

    /// <summary>GET /api/v1/admin/conversations/{roomId}/transcript?format=json|text</summary>
    public async Task<IResult> TranscriptAsync(HttpRequest request, string roomId, CancellationToken cancellationToken)
    {
        if (call.Authenticate(request) is { IsSuccess: false } refused) return refused.Problem!.ToResult();
        var asText = TranscriptResults.ParseFormat(request.Query["format"]);
        if (!asText.IsSuccess) return asText.Problem!.ToResult();
        var detail = await conversations.GetAsync(roomId, null, cancellationToken);
        return detail.IsSuccess ? TranscriptResults.Of(ConversationTranscript.Of(detail.Value!), asText.Value) : detail.Problem!.ToResult();
    }

    /// <summary>GET /api/v1/admin/overview?days=14</summary>
    public Task<IResult> OverviewAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, () => overview.GetAsync(request.Query["days"], cancellationToken), o => TypedResults.Ok(o));
}
