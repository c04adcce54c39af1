using Livechat.Core.Departments;

namespace Livechat.Core.Tests.Departments;

public sealed class BusinessHoursTests
{
    private static BusinessHours Berlin(params string[] holidays) => BusinessHoursRules.Parse(new BusinessHoursDefinition("Europe/Berlin",
        [new OpeningDefinition("monday", "09:00", "17:00"), new OpeningDefinition("Tuesday", "22:00", "24:00")], holidays)).Value!;

    [Theory]
    // Monday 2026-11-30: 08:00 UTC is 09:00 in Berlin (open), 07:59 UTC is 08:59 (closed), 16:00 UTC is 17:00 (closed: the close is exclusive).
    [InlineData("2026-11-30T08:00:00Z", true)]
    [InlineData("2026-11-30T07:59:00Z", false)]
    [InlineData("2026-11-30T15:59:00Z", true)]
    [InlineData("2026-11-30T16:00:00Z", false)]
    // Tuesday 22:00-24:00 Berlin: 22:59 UTC Tuesday is 23:59 Berlin (open), 23:00 UTC is already Wednesday in Berlin (closed).
    [InlineData("2026-12-01T22:59:00Z", true)]
    [InlineData("2026-12-01T23:00:00Z", false)]
    // The weekday is Berlin's: Sunday 23:30 UTC is Monday 00:30 there, before opening; Monday 09:30 in UTC+05:00 is 05:30 Berlin.
    [InlineData("2026-11-29T23:30:00Z", false)]
    [InlineData("2026-11-30T09:30:00+05:00", false)]
    // Summer time: Monday 2026-07-06 09:00 Berlin is 07:00 UTC.
    [InlineData("2026-07-06T07:00:00Z", true)]
    [InlineData("2026-07-06T06:59:00Z", false)]
    public void IsOpen_TakesTheWeekdayAndTimeInTheDepartmentsZone(string instant, bool open) =>
        Assert.Equal(open, Berlin().IsOpen(DateTimeOffset.Parse(instant)));

    [Fact]
    public void IsOpen_OnAHoliday_IsClosed_ByTheLocalDate()
    {
        var hours = Berlin("2026-11-30");
        Assert.False(hours.IsOpen(DateTimeOffset.Parse("2026-11-30T10:00:00Z")));
        // The next day is no holiday: its opening stands.
        Assert.True(hours.IsOpen(DateTimeOffset.Parse("2026-12-01T22:30:00Z")));
    }

    [Fact]
    public void IsOpen_HolidayStartsAtLocalMidnight_NotUtcMidnight()
    {
        var hours = BusinessHoursRules.Parse(new BusinessHoursDefinition("America/New_York",
            [new OpeningDefinition("friday", "18:00", "24:00"), new OpeningDefinition("saturday", "00:00", "24:00")], ["2026-12-05"])).Value!;
        // Saturday 2026-12-05 02:00 UTC is still Friday 21:00 in New York: open, the holiday has not begun there.
        Assert.True(hours.IsOpen(DateTimeOffset.Parse("2026-12-05T02:00:00Z")));
        // Saturday 06:00 UTC is Saturday 01:00 in New York: the holiday.
        Assert.False(hours.IsOpen(DateTimeOffset.Parse("2026-12-05T06:00:00Z")));
    }

    [Fact]
    public void IsOpen_ADayWithoutOpenings_IsClosed() =>
        Assert.False(Berlin().IsOpen(DateTimeOffset.Parse("2026-12-03T10:00:00Z")));

    public static TheoryData<BusinessHoursDefinition?, string> Bad => new()
    {
        { null, "timeZone" },
        { new BusinessHoursDefinition(null, [], []), "timeZone" },
        { new BusinessHoursDefinition("Mars/Olympus", [], []), "timeZone" },
        { new BusinessHoursDefinition("W. Europe Standard Time", [], []), "timeZone" },
        { new BusinessHoursDefinition("UTC", [new OpeningDefinition("funday", "09:00", "10:00")], []), "intervals[0].day" },
        { new BusinessHoursDefinition("UTC", [new OpeningDefinition("1", "09:00", "10:00")], []), "intervals[0].day" },
        { new BusinessHoursDefinition("UTC", [null], []), "intervals[0].day" },
        { new BusinessHoursDefinition("UTC", [new OpeningDefinition("monday", "9am", "10:00")], []), "intervals[0].open" },
        { new BusinessHoursDefinition("UTC", [new OpeningDefinition("monday", "09:00", "25:00")], []), "intervals[0].close" },
        { new BusinessHoursDefinition("UTC", [new OpeningDefinition("monday", "10:00", "09:00")], []), "intervals[0].close" },
        { new BusinessHoursDefinition("UTC", [new OpeningDefinition("monday", "09:00", "12:00"), new OpeningDefinition("monday", "11:00", "13:00")], []), "intervals[1]" },
        { new BusinessHoursDefinition("UTC", [], ["2026-13-01"]), "holidays[0]" },
        { new BusinessHoursDefinition("UTC", [], ["2026-12-24", "24.12.2026"]), "holidays[1]" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Parse_BadDefinition_NamesTheField(BusinessHoursDefinition? definition, string field)
    {
        var outcome = BusinessHoursRules.Parse(definition);
        Assert.False(outcome.IsSuccess);
        Assert.Equal([field], outcome.Problem!.Errors!.Keys);
    }

    [Fact]
    public void Parse_SameDayNonOverlapping_AndDuplicateHolidays_AreKeptOrdered()
    {
        var hours = BusinessHoursRules.Parse(new BusinessHoursDefinition("Asia/Tokyo",
            [new OpeningDefinition("friday", "13:00", "17:00"), new OpeningDefinition("MONDAY", "09:00", "12:00"), new OpeningDefinition("friday", "09:00", "13:00")],
            ["2026-12-31", "2026-01-01", "2026-12-31"])).Value!;
        Assert.Equal(["monday", "friday", "friday"], hours.Intervals.Select(i => i.Day));
        Assert.Equal(["09:00", "09:00", "13:00"], hours.Intervals.Select(i => i.Open));
        Assert.Equal(["2026-01-01", "2026-12-31"], hours.Holidays);
    }
}
