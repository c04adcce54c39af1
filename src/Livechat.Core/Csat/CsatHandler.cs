using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;

namespace Livechat.Core.Csat;

/// <summary>
/// The visitor rates their chat once it ended, and only a chat an agent took part in (the ended room still names its
/// agent): stored on the room under its ETag, so two tabs answering at once store one answer and the other gets 409.
/// </summary>
public sealed class CsatHandler(IRoomStore rooms, ChatEventPublisher events, TimeProvider time)
{
    public const int MaxCommentLength = 1000;

    public async Task<Outcome<CsatRecorded>> HandleAsync(VisitorSession session, string roomId, CsatRequest request, CancellationToken cancellationToken)
    {
        if (request.Rating is not (>= 1 and <= 5)) return Problem.Invalid("rating", "Required: a whole number from 1 to 5.");
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        if (comment is not null && comment.Length > MaxCommentLength) return Problem.Invalid("comment", $"At most {MaxCommentLength} characters.");

        var rated = await OptimisticConcurrency.RunAsync<Room>("room", async _ =>
        {
            var room = Ids.IsSafe(roomId) ? await rooms.GetAsync(roomId, cancellationToken) : null;
            if (room is null || !room.BelongsTo(session)) return Problem.NotFound("Room", "roomId");
            if (room.Csat is not null) return Problem.Conflict("The chat was already rated.");
            if (room.AgentId is null) return Problem.Conflict("Only a chat with an agent is rated.");
            if (room.Status != RoomStatus.Ended) return Problem.Conflict("The chat has not ended yet.");
            var answer = new CsatAnswer(request.Rating.Value, comment, time.GetUtcNow());
            if (await rooms.TryReplaceAsync(room with { Csat = answer }, cancellationToken) is { } saved) return saved;
            return null;
        });
        if (!rated.IsSuccess) return rated.Problem!;
        var ratedRoom = rated.Value!;
        await events.PublishAsync(new ChatEvent.CsatSubmitted(ratedRoom, ratedRoom.Csat!), cancellationToken);
        return new CsatRecorded(roomId, ratedRoom.Csat!.Rating, ratedRoom.Csat.Comment);
    }
}
