using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Limits;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Attachments;

/// <summary>
/// Issues the short-lived link a client uploads one file through, straight to storage: to the room's visitor, or to
/// the agent who has the room. The file only joins the chat when a message names it (<see cref="AttachmentVerifier"/>).
/// </summary>
public sealed class AttachmentUploadHandler(
    IRoomStore rooms,
    IAttachmentStore store,
    AttachmentLimits limits,
    SessionRateLimiter limiter,
    IOptions<AttachmentOptions> options,
    TimeProvider time)
{
    /// <summary>The headers the PUT must carry: Blob Storage wants the blob type, and the type is checked later.</summary>
    private const string BlobTypeHeader = "x-ms-blob-type";

    public async Task<Outcome<AttachmentUpload>> VisitorAsync(VisitorSession session, string roomId, AttachmentRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(roomId)) return Problem.NotFound("Room", "roomId");
        var room = await rooms.GetAsync(roomId, cancellationToken);
        if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
        if (room.Status == RoomStatus.Ended) return Problem.Conflict("The room has ended.", "Open the widget again to start a new chat.");
        // An upload link is a message's first half: it counts against the same brake.
        if (limiter.TryMessage(session.SessionId) is { } tooMany) return tooMany;
        return await IssueAsync(roomId, request, cancellationToken);
    }

    public async Task<Outcome<AttachmentUpload>> AgentAsync(AgentIdentity agent, string roomId, AttachmentRequest request, CancellationToken cancellationToken)
    {
        var loaded = await AgentRoomAccess.LoadAsync(rooms, agent, roomId, cancellationToken);
        if (!loaded.IsSuccess) return loaded.Problem!;
        var room = loaded.Value!;
        if (room.Status == RoomStatus.Ended) return Problem.Conflict("The room has ended.");
        if (room.Status != RoomStatus.Agent || room.AgentId != agent.AgentId) return AgentRoomAccess.NotYours();
        return await IssueAsync(roomId, request, cancellationToken);
    }

    private async Task<Outcome<AttachmentUpload>> IssueAsync(string roomId, AttachmentRequest request, CancellationToken cancellationToken)
    {
        var declared = limits.Declare(roomId, request);
        if (!declared.IsSuccess) return declared.Problem!;
        var expiresAt = time.GetUtcNow() + options.Value.UploadLinkLifetime;
        var url = await store.CreateUploadAsync(declared.Value!, expiresAt, cancellationToken);
        return new AttachmentUpload(declared.Value!.AttachmentId, url, expiresAt, new Dictionary<string, string>
        {
            [BlobTypeHeader] = "BlockBlob",
            ["Content-Type"] = declared.Value.ContentType,
        });
    }
}
