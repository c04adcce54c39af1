using Livechat.Core.CustomFields;
using Livechat.Core.Privacy;
using Livechat.Core.Webhooks.Events;

namespace Livechat.Azure.Tables;

/// <summary>
/// Where each table keeps a subject's data, the one list the export, the erasure and retention go through; and the
/// tables that keep none, each with why. A test checks that every table of <see cref="LivechatTables"/> is in one
/// of the two, so a new table cannot be forgotten.
/// </summary>
public static class PersonalDataTables
{
    public static IReadOnlyDictionary<string, string> WithoutPersonalData { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [LivechatTables.RecipesName] = "the admin's chat flows",
        [LivechatTables.AgentTokensName] = "agents' tokens, not visitors'",
        [LivechatTables.DepartmentsName] = "the admin's departments",
        [LivechatTables.RateCountersName] = "counts per address pseudonym of windows that are over in minutes, swept by the sweeper",
        [LivechatTables.AgentInvitationsName] = "agents' one-time sign-in codes",
        [LivechatTables.BrandsName] = "the sites' looks",
        [LivechatTables.CannedResponsesName] = "the departments' canned answers",
        [LivechatTables.WebhookSubscriptionsName] = "the receivers' addresses and secrets",
        [LivechatTables.AuditLogName] = "when, who (an admin) and how much; the subject only as a hash",
    };

    public static IReadOnlyList<IPersonalDataHolder> Holders(LivechatTables t) =>
    [
        // Sessions first: once they are gone the visitor's token opens nothing, so nothing new comes in.
        new TableSubjectRows(LivechatTables.SessionsName, t.Sessions, s => TableSubjectRows.AnyOf("PartitionKey", s.SessionIds)),
        // A room's partition holds the room, its transcript, idempotency markers, notes, read receipts and page.
        new TableSubjectRows(LivechatTables.RoomsName, t.Rooms, s => TableSubjectRows.AnyOf("PartitionKey", s.RoomIds)),
        new TableSubjectRows(LivechatTables.UsersName, t.Users, s => TableSubjectRows.AnyOf("PartitionKey", s.UserIds)),
        new TableSubjectRows(LivechatTables.CustomFieldsName, t.CustomFields, s => TableSubjectRows.AnyOf("PartitionKey",
            s.UserIds.Select(u => FieldOwner.User(u).Key).Concat(s.VisitorIds.Select(v => FieldOwner.Visitor(v).Key))
                .Concat(s.RoomIds.Select(r => FieldOwner.Room(r).Key)).Concat(s.SessionIds.Select(x => FieldOwner.PendingRoom(x).Key)))),
        new TableSubjectRows(LivechatTables.ConversationsName, t.Conversations, s => TableSubjectRows.AnyOf("RoomId", s.RoomIds)
            .Concat(TableSubjectRows.AnyOf("UserId", s.UserIds)).Concat(TableSubjectRows.AnyOf("VisitorId", s.VisitorIds))),
        new TableSubjectRows(LivechatTables.AgentQueuesName, t.AgentQueues, s => TableSubjectRows.AnyOf("RowKey", s.RoomIds)
            .Concat(TableSubjectRows.AnyOf("UserId", s.UserIds))),
        new TableSubjectRows(LivechatTables.IdleRoomClocksName, t.IdleRoomClocks, s => TableSubjectRows.AnyOf("RoomId", s.RoomIds)),
        new TableSubjectRows(LivechatTables.AgentActivityName, t.AgentActivity, s => TableSubjectRows.AnyOf("RowKey", s.RoomIds.Select(r => AgentActivityEntity.RoomRowPrefix + r))),
        // A user.identified event may have no room: it names the user and the visitor in its body.
        new TableSubjectRows(LivechatTables.WebhookEventsName, t.WebhookEvents,
            s => TableSubjectRows.AnyOf("RoomId", s.RoomIds).Concat(s.UserIds.Count + s.VisitorIds.Count == 0 ? [] : [$"Type eq {TableSubjectRows.Quoted(WebhookEventTypes.UserIdentified)}"]),
            (row, s) => row.GetString("RoomId") is { } room && s.RoomIds.Contains(room) || NamesAny(row.GetString("Body"), s)),
        new TableSubjectRows(LivechatTables.WebhookDeadLettersName, t.WebhookDeadLetters, s => TableSubjectRows.AnyOf("RoomId", s.RoomIds)),
        // The agents' own rows in AgentActivity hold the rooms in their seats: those ids go, the rows stay.
        new TableAgentSeatRooms(t),
    ];

    private static bool NamesAny(string? body, SubjectScope scope) =>
        body is not null && scope.UserIds.Concat(scope.VisitorIds).Any(id => body.Contains('"' + id + '"', StringComparison.Ordinal));
}
