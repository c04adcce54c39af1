using Livechat.Core.Common;

namespace Livechat.Core.Sessions;

/// <summary>
/// Session ids begin with the UTC day they were made: the sessions made before a day are one key range of the
/// Sessions table, so expiring them needs no index and no extra write when a session is made.
/// </summary>
public static class SessionIds
{
    /// <summary>Every session id starts with it; '-' sorts before the digits and letters of older ids.</summary>
    public const string Prefix = "s-";

    public static string New(DateTimeOffset now) => Ids.New($"{Prefix}{now.UtcDateTime:yyyyMMdd}-");

    /// <summary>The smallest id of a session made on <paramref name="day"/>'s UTC day: ids below it are older.</summary>
    public static string FirstOfDay(DateTimeOffset day) => $"{Prefix}{day.UtcDateTime:yyyyMMdd}";
}
