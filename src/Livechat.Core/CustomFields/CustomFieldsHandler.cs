using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Livechat.Core.CustomFields;

/// <summary>
/// setCustomField and its read. Scope <c>user</c> (the default) lives on the user, or on the anonymous visitor
/// until setUserId moves it to the user. Scope <c>room</c> lives on the open room; set before a room opens, it
/// waits on the session and belongs to the room that opens next.
/// </summary>
public sealed class CustomFieldsHandler(ICustomFieldStore fields, OpenRoomLocator openRooms, IOptions<CustomFieldOptions> options, TimeProvider time)
{
    public async Task<Outcome<CustomField>> SetAsync(VisitorSession session, string key, SetCustomFieldRequest request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!FieldKeys.IsValid(key)) return Problem.Invalid("key", $"1 to {FieldKeys.MaxLength} letters, digits, '-', '_' or '.'.");
        if (request.Value is null) return Problem.Invalid("value", "Required.");
        if (request.Value.Length > limits.MaxValueLength) return Problem.TooLarge("value", $"At most {limits.MaxValueLength} characters.");

        var owner = await OwnerAsync(session, request.Scope ?? FieldScope.User, cancellationToken);
        var existing = await fields.ListAsync(owner, cancellationToken);
        if (existing.Count >= limits.MaxFieldsPerScope && existing.All(f => f.Key != key))
            return Problem.TooLarge("key", $"A scope holds at most {limits.MaxFieldsPerScope} fields.");
        var field = new CustomField(key, request.Value, time.GetUtcNow());
        await fields.SetAsync(owner, field, cancellationToken);
        return field;
    }

    public async Task<Outcome<IReadOnlyList<CustomField>>> ListAsync(VisitorSession session, FieldScope scope, CancellationToken cancellationToken) =>
        Outcome<IReadOnlyList<CustomField>>.Ok(await fields.ListAsync(await OwnerAsync(session, scope, cancellationToken), cancellationToken));

    private async Task<FieldOwner> OwnerAsync(VisitorSession session, FieldScope scope, CancellationToken cancellationToken)
    {
        if (scope == FieldScope.User)
            return session.UserId is null ? FieldOwner.Visitor(session.VisitorId) : FieldOwner.User(session.UserId);
        var room = await openRooms.FindAsync(session, cancellationToken);
        return room is null ? FieldOwner.PendingRoom(session.SessionId) : FieldOwner.Room(room.RoomId);
    }
}
