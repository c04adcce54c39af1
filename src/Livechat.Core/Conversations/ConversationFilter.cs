using System.Globalization;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Livechat.Core.Users;

namespace Livechat.Core.Conversations;

/// <summary>
/// Which rooms a listing wants: all given conditions hold. <see cref="From"/> is inclusive and <see cref="To"/>
/// exclusive, both on the room's start. <see cref="Departments"/> limits the listing to some departments whatever
/// the caller asked (an agent's); null for the admin, who sees every room.
/// </summary>
public sealed record ConversationFilter
{
    public RoomStatus? Status { get; init; }
    public string? Department { get; init; }
    public string? UserId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    /// <summary>A case-insensitive substring of a message's text; matched on transcripts, not by the index.</summary>
    public string? Text { get; init; }
    public IReadOnlySet<string>? Departments { get; init; }
    /// <summary>Only rooms where the visitor left an offline message; decided on the room, the index does not hold it.</summary>
    public bool OfflineOnly { get; init; }

    public const int MaxTextLength = 100;

    /// <summary>Whether the entry meets every condition the index can decide (all but <see cref="Text"/>).</summary>
    public bool Matches(ConversationEntry entry) =>
        (Status is null || entry.Status == Status)
        && (Department is null || entry.Department == Department)
        && (UserId is null || entry.UserId == UserId)
        && (From is null || entry.StartedAt >= From)
        && (To is null || entry.StartedAt < To)
        && (Departments is null || (entry.Department is not null && Departments.Contains(entry.Department)));

    /// <summary>The same conditions on the room as stored now (the index can lag it on status and agent).</summary>
    public bool Matches(Room room) =>
        (Status is null || room.Status == Status)
        && (Department is null || room.Department == Department)
        && (UserId is null || room.UserId == UserId)
        && (Departments is null || (room.Department is not null && Departments.Contains(room.Department)))
        && (!OfflineOnly || room.Offline == Offline.OfflineState.Left);

    /// <summary>Parses the query string of a listing; a problem names the first bad field.</summary>
    public static Outcome<ConversationFilter> Parse(ConversationQuery query)
    {
        RoomStatus? status = null;
        if (!string.IsNullOrEmpty(query.Status))
        {
            // By name only: Enum.TryParse would also take "1" and "open,waiting".
            var name = Enum.GetNames<RoomStatus>().FirstOrDefault(n => string.Equals(n, query.Status, StringComparison.OrdinalIgnoreCase));
            if (name is null) return Problem.Invalid("status", "One of open, waiting, agent, ended.");
            status = Enum.Parse<RoomStatus>(name);
        }
        var department = Empty(query.Department);
        if (department is not null && !Ids.IsSafe(department, 64)) return Problem.Invalid("department", "1 to 64 letters, digits, '-', '_' or '.'.");
        var userId = Empty(query.UserId);
        if (userId is not null && !UserIds.IsValid(userId)) return Problem.Invalid("userId", "1 to 128 printable characters, not / \\ # ? or spaces.");
        if (!TryParseMoment(query.From, endOfDay: false, out var from)) return Problem.Invalid("from", "A date (yyyy-MM-dd, UTC) or a time with an offset (ISO 8601).");
        if (!TryParseMoment(query.To, endOfDay: true, out var to)) return Problem.Invalid("to", "A date (yyyy-MM-dd, UTC) or a time with an offset (ISO 8601).");
        if (from is not null && to is not null && from >= to) return Problem.Invalid("from", "Must be before 'to'.");
        var text = Empty(query.Q?.Trim());
        if (text is not null && (text.Length > MaxTextLength || text.Any(char.IsControl)))
            return Problem.Invalid("q", $"At most {MaxTextLength} characters, no control characters.");
        var offlineOnly = false;
        if (!string.IsNullOrEmpty(query.Offline) && !bool.TryParse(query.Offline, out offlineOnly)) return Problem.Invalid("offline", "true or false.");
        return new ConversationFilter { Status = status, Department = department, UserId = userId, From = from, To = to, Text = text, OfflineOnly = offlineOnly };
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>A date means its whole UTC day: from its start, or (for <c>to</c>) up to the next day's start.</summary>
    private static bool TryParseMoment(string? value, bool endOfDay, out DateTimeOffset? moment)
    {
        moment = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (endOfDay && day == DateOnly.MaxValue) return false;
            moment = new DateTimeOffset((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        // An instant must say its offset: a bare local time would mean the server's zone.
        if ((value.EndsWith('Z') || value.LastIndexOfAny(['+', '-']) > 10)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            moment = instant.ToUniversalTime();
            return true;
        }
        return false;
    }
}

/// <summary>A listing's query string as the caller wrote it (every value optional).</summary>
public sealed record ConversationQuery(
    string? Status = null, string? Department = null, string? UserId = null, string? From = null, string? To = null,
    string? Q = null, string? ContinuationToken = null, string? PageSize = null, string? Offline = null);
