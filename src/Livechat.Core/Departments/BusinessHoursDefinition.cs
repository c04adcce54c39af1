namespace Livechat.Core.Departments;

/// <summary>
/// Business hours as the dashboard sends them: <c>{"timeZone": "Europe/Berlin", "intervals": [{"day": "monday",
/// "open": "09:00", "close": "17:00"}], "holidays": ["2026-12-25"]}</c>. Weekdays without an interval are closed.
/// </summary>
public sealed record BusinessHoursDefinition(string? TimeZone, IReadOnlyList<OpeningDefinition?>? Intervals, IReadOnlyList<string?>? Holidays);

/// <summary>One opening as sent.</summary>
public sealed record OpeningDefinition(string? Day, string? Open, string? Close);
