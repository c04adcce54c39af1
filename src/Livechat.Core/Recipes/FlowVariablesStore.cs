using Livechat.Core.CustomFields;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;

namespace Livechat.Core.Recipes;

/// <summary>
/// Reads and writes what a recipe knows about a room's visitor: user params (on the user, or the anonymous
/// session) and custom fields of both scopes. Used by activities only, never by the orchestrator.
/// </summary>
public sealed class FlowVariablesStore(ISessionStore sessions, IUserStore users, ICustomFieldStore fields, UserParamsWriter userParams)
{
    /// <param name="room">The room, stored or about to be.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <param name="knownParams">The user params when the caller has just read them (the session it authenticated): one read less.</param>
    public async Task<FlowVariables> ReadAsync(Room room, CancellationToken cancellationToken, UserParams? knownParams = null)
    {
        var userParams = knownParams is not null ? Task.FromResult<UserParams?>(knownParams)
            : room.UserId is null ? ParamsOf(sessions.GetAsync(room.SessionId, cancellationToken))
            : ParamsOf(users.GetAsync(room.UserId, cancellationToken));
        // Three independent point and partition reads: in parallel, one round trip of latency.
        var userFields = fields.ListAsync(UserScope(room), cancellationToken);
        var roomFields = fields.ListAsync(FieldOwner.Room(room.RoomId), cancellationToken);
        await Task.WhenAll(userParams, userFields, roomFields);
        return new FlowVariables
        {
            UserParams = await userParams ?? UserParams.Empty,
            UserFields = (await userFields).ToDictionary(f => f.Key, f => f.Value),
            RoomFields = (await roomFields).ToDictionary(f => f.Key, f => f.Value),
            Department = room.Department,
            UserVerified = room.UserVerified,
            Language = room.Language,
            ServerFields =
            [
                .. (await userFields).Where(f => f.Source == FieldSource.Server).Select(f => FlowVariables.ServerKey(FieldScope.User, f.Key)),
                .. (await roomFields).Where(f => f.Source == FieldSource.Server).Select(f => FlowVariables.ServerKey(FieldScope.Room, f.Key)),
            ],
        };
    }

    private static async Task<UserParams?> ParamsOf(Task<VisitorSession?> session) => (await session)?.UserParams;

    private static async Task<UserParams?> ParamsOf(Task<ChatUser?> user) => (await user)?.UserParams;

    /// <summary>Stores what the flow learned. Idempotent, so a retried activity stores the same values again.</summary>
    public async Task SaveAsync(Room room, IReadOnlyList<FlowSave> saves, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (saves.Count == 0) return;
        foreach (var save in saves.Where(s => !s.IsUserParam))
        {
            var owner = save.Scope == FieldScope.User ? UserScope(room) : FieldOwner.Room(room.RoomId);
            await fields.SetAsync(owner, new CustomField(save.Target, save.Value, now) { Source = save.Source }, cancellationToken);
        }
        var paramSaves = saves.Where(s => s.IsUserParam).ToList();
        if (paramSaves.Count == 0) return;
        var request = new UserParamsRequest(
            paramSaves.LastOrDefault(s => s.Target == AskKinds.Name)?.Value,
            paramSaves.LastOrDefault(s => s.Target == AskKinds.Email)?.Value,
            paramSaves.LastOrDefault(s => s.Target == AskKinds.Phone)?.Value);
        await userParams.ApplyAsync(room.SessionId, room.UserId, request, cancellationToken);
    }

    private static FieldOwner UserScope(Room room) =>
        room.UserId is null ? FieldOwner.Visitor(room.VisitorId) : FieldOwner.User(room.UserId);
}
