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
    TimeProvider time,
    ChatEventPublisher events)
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
        // Copied, not moved, until the session is linked: a link that fails (a logout in between, conflicts) must not
        // take the visitor's fields away from it.
        await fields.CopyAsync(FieldOwner.Visitor(session.VisitorId), FieldOwner.User(userId), deleteSource: false, cancellationToken);
        var merged = await MergeAsync(user, session, cancellationToken);
        if (!merged.IsSuccess) return merged.Problem!;

        var linked = await sessions.UpdateAsync(session, s => s with { UserId = userId, UserProofKey = signatures.KeyId }, cancellationToken);
        if (!linked.IsSuccess) return linked.Problem!;
        await fields.CopyAsync(FieldOwner.Visitor(session.VisitorId), FieldOwner.User(userId), deleteSource: true, cancellationToken);
        await events.PublishAsync(new ChatEvent.UserIdentified(session.VisitorId, userId, linked.Value!.UserVerified, merged.Value!.OpenRoomId), cancellationToken);
        return await view.HandleAsync(linked.Value!, cancellationToken);
    }

    /// <summary>
    /// The anonymous params go to the user, and the session's open room when the user has none. The room is adopted
    /// before the user points at it: a user pointing at a room it does not own would send the visitor to a room the
    /// user cannot open.
    /// </summary>
    private async Task<Outcome<ChatUser>> MergeAsync(ChatUser user, VisitorSession session, CancellationToken cancellationToken)
    {
        var adopted = await AdoptableRoomAsync(user, session, cancellationToken);
        if (adopted is not null && !await AdoptRoomAsync(adopted, user.UserId, cancellationToken)) adopted = null;
        var anonymousParams = new UserParamsRequest(session.UserParams.Name, session.UserParams.Email, session.UserParams.Phone);
        return await OptimisticConcurrency.RunAsync<ChatUser>("user", async _ =>
        {
            var merged = user with
            {
                UserParams = UserParamsValidator.Apply(user.UserParams, anonymousParams),
                OpenRoomId = adopted?.RoomId ?? user.OpenRoomId,
            };
            if (merged == user) return user;
            if (await users.TryReplaceAsync(merged, cancellationToken) is { } saved) return saved;
            user = await users.GetAsync(user.UserId, cancellationToken) ?? user;
            return null;
        });
    }

    /// <summary>The session's open anonymous room, when the user has no open room of their own.</summary>
    private async Task<Room?> AdoptableRoomAsync(ChatUser user, VisitorSession session, CancellationToken cancellationToken)
    {
        if (session.OpenRoomId is null) return null;
        if (user.OpenRoomId is not null && await rooms.GetAsync(user.OpenRoomId, cancellationToken) is { Status: not RoomStatus.Ended }) return null;
        return await rooms.GetAsync(session.OpenRoomId, cancellationToken) is { Status: not RoomStatus.Ended, UserId: null } room ? room : null;
    }

    /// <summary>Makes the room the user's; false when it kept changing (or went) and stays the visitor's.</summary>
    private async Task<bool> AdoptRoomAsync(Room room, string userId, CancellationToken cancellationToken)
    {
        var adopted = await OptimisticConcurrency.RunAsync<bool>("room", async _ =>
        {
            if (await rooms.TryReplaceAsync(room with
            {
                UserId = userId,
                RealtimeUserId = RealtimeUsers.ForUser(userId),
                UserVerified = signatures.Required,
                PageAsserted = signatures.Required ? room.PageAsserted : PageAssertions.With(room.PageAsserted, PageAssertions.UserId),
            }, cancellationToken) is not null) return true;
            if (await rooms.GetAsync(room.RoomId, cancellationToken) is not { Status: not RoomStatus.Ended, UserId: null } fresh) return false;
            room = fresh;
            return null;
        });
        return adopted.IsSuccess && adopted.Value;
    }
}
