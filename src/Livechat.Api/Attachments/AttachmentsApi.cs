using Livechat.Api.Http;
using Livechat.Core.Attachments;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Attachments;

/// <summary>HTTP face of the upload links: the visitor's (session token) and the room agent's (agent token).</summary>
public sealed class AttachmentsApi(VisitorCall visitor, AgentCall agent, AttachmentUploadHandler uploads)
{
    /// <summary>POST /api/v1/rooms/{roomId}/attachments: a link to upload one file to the visitor's room; 201.</summary>
    public Task<IResult> VisitorUploadAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        visitor.RunAsync<AttachmentRequest, AttachmentUpload>(request, (s, body) => uploads.VisitorAsync(s, roomId, body, cancellationToken),
            u => TypedResults.Created((string?)null, u), cancellationToken);

    /// <summary>POST /api/v1/agent/rooms/{roomId}/attachments: a link to upload one file to the agent's room; 201.</summary>
    public Task<IResult> AgentUploadAsync(HttpRequest request, string roomId, CancellationToken cancellationToken) =>
        agent.RunAsync<AttachmentRequest, AttachmentUpload>(request, (a, body) => uploads.AgentAsync(a, roomId, body, cancellationToken),
            u => TypedResults.Created((string?)null, u), cancellationToken);
}
