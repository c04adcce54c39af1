using Livechat.Core.Common;
using Livechat.Core.CustomFields;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;

namespace Livechat.Core.Users;

/// <summary>
/// setUserId: links the session to the customer's user. What the anonymous visitor set moves to the user:
/// params (given values replace the user's), user-scoped custom fields (same keys overwritten: they are the newest
/// thing the page said), and an open anonymous room when the user has none, so the chat goes on.
/// </summary>
public sealed class SetUserIdHandler(
    SessionUpdater sessions,
    IUserStore users,
    IRoomStore rooms,
    ICustomFieldStore fields,
    UserIdSignature signatures,
    SessionViewHandler view,
    TimeProvider time)
{
    public async Task<Outcome<SessionView>> HandleAsync(VisitorSession session, SetUserIdRequest request, CancellationToken cancellationToken)
    {
        if (!UserIds.IsValid(request.UserId))
            return Problem.Invalid("userId", $"1 to {UserIds.MaxLength} printable ASCII characters other than '/', '\\', '#', '?' and spaces.");
        var userId = request.UserId!;
        if (!signatures.IsValid(userId, request.Signature))
            return Problem.ForbiddenField("signature", "Identity verification failed: give hex(HMAC-SHA256(secret, userId)) computed by your server.");
        if (session.UserId == userId) return await view.HandleAsync(session, cancellationToken);
        if (session.UserId is not null)
            return Problem.Conflict("The session belongs to another user.", "Call logout() before setUserId() with a different id.");

        var user = await users.GetOrCreateAsync(new ChatUser { UserId = userId, CreatedAt = time.GetUtcNow() }, cancellationToken);
        await fields.CopyAsync(FieldOwner.Visitor(session.VisitorId), FieldOwner.User(userId), deleteSource: true, cancellationToken);
        user = await MergeAsync(user, session, cancellationToken);

        var linked = await sessions.UpdateAsync(session, s => s with { UserId = userId }, cancellationToken);
        if (!linked.IsSuccess) return linked.Problem!;
        return await view.HandleAsync(linked.Value!, cancellationToken);
    }

    private async Task<ChatUser> MergeAsync(ChatUser user, VisitorSession session, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < OptimisticConcurrency.Budget; attempt++)
        {
            var anonymousParams = new UserParamsRequest(session.UserParams.Name, session.UserParams.Email, session.UserParams.Phone);
            var adopted = await AdoptableRoomAsync(user, session, cancellationToken);
            var merged = user with
            {
                UserParams = UserParamsValidator.Apply(user.UserParams, anonymousParams),
                OpenRoomId = adopted?.RoomId ?? user.OpenRoomId,
            };
            if (merged == user) return user;
            var saved = await users.TryReplaceAsync(merged, cancellationToken);
            if (saved is not null)
            {
                if (adopted is not null) await AdoptRoomAsync(adopted, user.UserId, cancellationToken);
                return saved;
            }
            user = await users.GetAsync(user.UserId, cancellationToken) ?? user;
        }
        return user;
    }

    /// <summary>The session's open anonymous room, when the user has no open room of their own.</summary>
    private async Task<Room?> AdoptableRoomAsync(ChatUser user, VisitorSession session, CancellationToken cancellationToken)
    {
        if (session.OpenRoomId is null) return null;
        if (user.OpenRoomId is not null && await rooms.GetAsync(user.OpenRoomId, cancellationToken) is { Status: not RoomStatus.Ended }) return null;
        return await rooms.GetAsync(session.OpenRoomId, cancellationToken) is { Status: not RoomStatus.Ended, UserId: null } room ? room : null;
    }

    private async Task AdoptRoomAsync(Room room, string userId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < OptimisticConcurrency.Budget && room is not null; attempt++)
        {
            if (await rooms.TryReplaceAsync(room with { UserId = userId, RealtimeUserId = RealtimeUsers.ForUser(userId) }, cancellationToken) is not null) return;
            room = (await rooms.GetAsync(room.RoomId, cancellationToken))!;
        }
    }
}
