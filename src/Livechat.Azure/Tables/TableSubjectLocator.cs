using Azure.Data.Tables;
using Livechat.Core.Privacy;

namespace Livechat.Azure.Tables;

/// <summary>
/// Finds a subject's keys by scanning the sessions, the rooms and the conversations index for its id (these are
/// filters the service applies, but over whole tables: an admin's rare request, not a hot path). For a user id, the
/// visitors (browsers) it was seen on count as the user's too, so a chat from before the sign-in goes with it.
/// </summary>
public sealed class TableSubjectLocator(LivechatTables tables) : ISubjectLocator
{
    public async Task<SubjectScope> LocateAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        var visitors = new HashSet<string>(StringComparer.Ordinal);
        var sessions = new HashSet<string>(StringComparer.Ordinal);
        var rooms = new HashSet<string>(StringComparer.Ordinal);
        if (subject.UserId is { } userId)
        {
            users.Add(userId);
            await FindAsync("UserId", [userId], sessions, rooms, visitors, cancellationToken);
        }
        if (subject.VisitorId is { } visitorId) visitors.Add(visitorId);
        await FindAsync("VisitorId", visitors.ToList(), sessions, rooms, visitors, cancellationToken);
        return new SubjectScope(users, visitors, sessions, rooms);
    }

    private async Task FindAsync(string property, IReadOnlyCollection<string> ids, HashSet<string> sessions, HashSet<string> rooms, HashSet<string> visitors,
        CancellationToken cancellationToken)
    {
        foreach (var filter in TableSubjectRows.AnyOf(property, ids))
        {
            await foreach (var s in tables.Sessions.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "VisitorId"], cancellationToken: cancellationToken))
            {
                sessions.Add(s.PartitionKey);
                if (s.GetString("VisitorId") is { Length: > 0 } v) visitors.Add(v);
            }
            await foreach (var r in tables.Rooms.QueryAsync<TableEntity>($"RowKey eq {TableSubjectRows.Quoted(RoomEntity.Key)} and ({filter})",
                               select: ["PartitionKey", "VisitorId", "SessionId"], cancellationToken: cancellationToken))
                Add(r.PartitionKey, r.GetString("SessionId"), r.GetString("VisitorId"));
            // The index too: a room whose row went in an erasure cut short is found by its index row.
            await foreach (var c in tables.Conversations.QueryAsync<TableEntity>(filter, select: ["RoomId", "VisitorId", "SessionId"], cancellationToken: cancellationToken))
                if (c.GetString("RoomId") is { Length: > 0 } roomId) Add(roomId, c.GetString("SessionId"), c.GetString("VisitorId"));
        }

        void Add(string roomId, string? sessionId, string? visitorId)
        {
            rooms.Add(roomId);
            if (sessionId is { Length: > 0 }) sessions.Add(sessionId);
            if (visitorId is { Length: > 0 }) visitors.Add(visitorId);
        }
    }
}
