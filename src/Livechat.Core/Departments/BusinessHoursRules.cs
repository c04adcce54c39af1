using System.Globalization;
using Livechat.Core.Common;

namespace Livechat.Core.Departments;

/// <summary>Turns what the dashboard sent into <see cref="BusinessHours"/>, or a problem naming the first bad field.</summary>
public static class BusinessHoursRules
{
    public const int MaxIntervals = 42;
    public const int MaxHolidays = 366;

    public static Outcome<BusinessHours> Parse(BusinessHoursDefinition? definition)
    {
        var zoneId = definition?.TimeZone?.Trim();
        // IANA names only: a Windows name would be converted on one host and refused on another.
        if (string.IsNullOrEmpty(zoneId) || zoneId.Length > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) || !zone.HasIanaId)
            return Problem.Invalid("timeZone", "Required: an IANA time zone such as Europe/Berlin.");

        var sentIntervals = definition!.Intervals ?? [];
        if (sentIntervals.Count > MaxIntervals) return Problem.Invalid("intervals", $"At most {MaxIntervals} openings.");
        var intervals = new List<(OpeningInterval Interval, TimeOnly Open, TimeOnly Close)>();
        for (var i = 0; i < sentIntervals.Count; i++)
        {
            var field = $"intervals[{i}]";
            var sent = sentIntervals[i];
            // By name only: Enum.TryParse would also take "1" and "monday,friday".
            var day = Enum.GetNames<DayOfWeek>().FirstOrDefault(n => string.Equals(n, sent?.Day, StringComparison.OrdinalIgnoreCase))?.ToLowerInvariant();
            if (day is null) return Problem.Invalid($"{field}.day", "A weekday: monday to sunday.");
            if (!TryTime(sent!.Open, out var open)) return Problem.Invalid($"{field}.open", "A local time HH:mm.");
            if (!TryTime(sent.Close, out var close, allowMidnightEnd: true)) return Problem.Invalid($"{field}.close", "A local time HH:mm (24:00 for midnight).");
            if (close <= open) return Problem.Invalid($"{field}.close", "Must be after 'open'.");
            if (intervals.Any(o => o.Interval.Day == day && open < o.Close && o.Open < close)) return Problem.Invalid(field, "Overlaps another opening of the same day.");
            intervals.Add((new OpeningInterval(day, sent.Open!, sent.Close!), open, close));
        }

        var sentHolidays = definition.Holidays ?? [];
        if (sentHolidays.Count > MaxHolidays) return Problem.Invalid("holidays", $"At most {MaxHolidays} dates.");
        var holidays = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sentHolidays.Count; i++)
        {
            if (!DateOnly.TryParseExact(sentHolidays[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return Problem.Invalid($"holidays[{i}]", "A date yyyy-MM-dd.");
            holidays.Add(sentHolidays[i]!);
        }
        var ordered = intervals.OrderBy(o => Enum.Parse<DayOfWeek>(o.Interval.Day, ignoreCase: true)).ThenBy(o => o.Open).Select(o => o.Interval).ToList();
        return new BusinessHours(zoneId, ordered, [.. holidays]);
    }

    /// <summary>A local time <c>HH:mm</c>; with <paramref name="allowMidnightEnd"/>, <c>24:00</c> as <see cref="TimeOnly.MaxValue"/>.</summary>
    public static bool TryTime(string? value, out TimeOnly time, bool allowMidnightEnd = false)
    {
        if (allowMidnightEnd && value == "24:00")
        {
            time = TimeOnly.MaxValue;
            return true;
        }
        return TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }
}
