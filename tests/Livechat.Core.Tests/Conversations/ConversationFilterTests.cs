using Livechat.Core.Conversations;
using Livechat.Core.Rooms;

namespace Livechat.Core.Tests.Conversations;

public sealed class ConversationFilterTests
{
    [Theory]
    [InlineData("bot", null, null, null, null, null, "status")]
    [InlineData("1", null, null, null, null, null, "status")]
    [InlineData("open,waiting", null, null, null, null, null, "status")]
    [InlineData(null, "sales desk", null, null, null, null, "department")]
    [InlineData(null, null, "a/b", null, null, null, "userId")]
    [InlineData(null, null, null, "yesterday", null, null, "from")]
    [InlineData(null, null, null, "2026-12-01T10:00:00", null, null, "from")]
    [InlineData(null, null, null, null, "2026-13-01", null, "to")]
    [InlineData(null, null, null, "2026-12-02", "2026-12-01", null, "from")]
    [InlineData(null, null, null, null, null, "bad\u0001text", "q")]
    public void Parse_ABadValue_IsAProblemNamingItsField(string? status, string? department, string? userId, string? from, string? to, string? q, string field)
    {
        var parsed = ConversationFilter.Parse(new ConversationQuery(status, department, userId, from, to, q));

        Assert.False(parsed.IsSuccess);
        Assert.Equal([field], parsed.Problem!.Errors!.Keys);
    }

    [Fact]
    public void Parse_DatesMeanWholeUtcDays_AndEmptyValuesMeanNoCondition()
    {
        var filter = ConversationFilter.Parse(new ConversationQuery("Waiting", "", "", "2026-12-01", "2026-12-01", "  Norway ")).Value!;

        Assert.Equal(RoomStatus.Waiting, filter.Status);
        Assert.Null(filter.Department);
        Assert.Null(filter.UserId);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), filter.From);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), filter.To);
        Assert.Equal("Norway", filter.Text);
    }

    [Fact]
    public void Parse_AnInstantWithAnOffset_IsTakenAsThatInstant()
    {
        var filter = ConversationFilter.Parse(new ConversationQuery(From: "2026-12-01T10:00:00+02:00")).Value!;

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), filter.From);
    }

    [Fact]
    public void Matches_EveryConditionMustHold_AndADepartmentScopeLimitsWhatever_WasAsked()
    {
        var entry = ConversationEntry.Of(ConversationEntryTests.Room(RoomStatus.Waiting, "sales", userId: "u-1"));

        Assert.True(new ConversationFilter { Status = RoomStatus.Waiting, Department = "sales", UserId = "u-1" }.Matches(entry));
        Assert.False(new ConversationFilter { Status = RoomStatus.Waiting, UserId = "u-2" }.Matches(entry));
        Assert.False(new ConversationFilter { To = entry.StartedAt }.Matches(entry)); // to is exclusive
        Assert.True(new ConversationFilter { From = entry.StartedAt }.Matches(entry)); // from is inclusive
        Assert.False(new ConversationFilter { Departments = new HashSet<string> { "support" } }.Matches(entry));
    }

    [Fact]
    public void Position_RoundTripsThroughItsToken_AndAForeignTokenIsRefused()
    {
        var position = new ConversationPosition(new DateTimeOffset(2026, 12, 1, 9, 0, 0, 123, TimeSpan.Zero), "r-abc");

        Assert.Equal(position, ConversationPosition.FromToken(position.ToToken()));
        Assert.Null(ConversationPosition.FromToken("garbage!"));
        Assert.Null(ConversationPosition.FromToken(Livechat.Core.Common.Base64Url.Encode("c1.12.r/../x"u8.ToArray())));
    }
}
