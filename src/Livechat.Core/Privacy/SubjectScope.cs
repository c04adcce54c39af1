namespace Livechat.Core.Privacy;

/// <summary>
/// The keys under which a subject's data is stored, found by <see cref="ISubjectLocator"/>: each
/// <see cref="IPersonalDataHolder"/> exports or erases its rows under them. Retention uses one with only room ids.
/// </summary>
public sealed record SubjectScope(IReadOnlySet<string> UserIds, IReadOnlySet<string> VisitorIds, IReadOnlySet<string> SessionIds, IReadOnlySet<string> RoomIds)
{
    public static SubjectScope OfRooms(IEnumerable<string> roomIds) =>
        new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>(roomIds, StringComparer.Ordinal));

    public bool IsEmpty => UserIds.Count == 0 && VisitorIds.Count == 0 && SessionIds.Count == 0 && RoomIds.Count == 0;
}
