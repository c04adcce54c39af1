namespace Livechat.Core.CustomFields;

/// <summary>
/// The partition a set of fields lives in: a user (<c>u-</c>), an anonymous visitor's user scope (<c>v-</c>), a
/// room (<c>r-</c>), or room fields set before a room opened, waiting on the session (<c>s-</c>).
/// </summary>
public sealed record FieldOwner(string Key)
{
    public static FieldOwner User(string userId) => new($"u-{userId}");
    public static FieldOwner Visitor(string visitorId) => new($"v-{visitorId}");
    public static FieldOwner Room(string roomId) => new($"r-{roomId}");
    public static FieldOwner PendingRoom(string sessionId) => new($"s-{sessionId}");
}
