using System.Globalization;

namespace Livechat.Core.Departments;

/// <summary>
/// When a department answers: openings per weekday in its own IANA time zone, and whole days off (local dates). A
/// weekday without an opening is closed. Null on a department means it never closes (only presence then decides).
/// Kept in the shape the admin sends (<see cref="BusinessHoursRules"/> normalised it), so a GET gives back a PUT.
/// </summary>
public sealed record BusinessHours(string TimeZone, IReadOnlyList<OpeningInterval> Intervals, IReadOnlyList<string> Holidays)
{
    /// <summary>Whether <paramref name="now"/> falls in an opening of its local weekday and not on a holiday, both in <see cref="TimeZone"/>.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        // Validated when saved; a zone this machine does not know closes nothing rather than everything.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)) return true;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (Holidays.Contains(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparer.Ordinal)) return false;
        var day = local.DayOfWeek.ToString().ToLowerInvariant();
        var time = TimeOnly.FromDateTime(local);
        return Intervals.Any(i => i.Day == day && i.Contains(time));
    }
}

/// <summary>One opening of a weekday (<c>monday</c>..<c>sunday</c>), local <c>HH:mm</c>, <see cref="Open"/> inclusive, <see cref="Close"/> exclusive; <c>24:00</c> closes at midnight.</summary>
public sealed record OpeningInterval(string Day, string Open, string Close)
{
    public bool Contains(TimeOnly time) =>
        BusinessHoursRules.TryTime(Open, out var open) && BusinessHoursRules.TryTime(Close, out var close, allowMidnightEnd: true)
        && time >= open && (close == TimeOnly.MaxValue || time < close);
}
