using Livechat.Core.Privacy;

namespace Livechat.Core.Tests.Privacy;

public sealed class DataSubjectTests
{
    [Theory]
    [InlineData(null, null, "userId")]
    [InlineData("", "", "userId")]
    [InlineData("u-1", "v-1", "visitorId")]
    [InlineData("a'b", null, "userId")]
    [InlineData(null, "v/1", "visitorId")]
    public void Parse_NotExactlyOneSafeId_NamesTheField(string? userId, string? visitorId, string field) =>
        Assert.True(DataSubject.Parse(userId, visitorId).Problem!.Errors!.ContainsKey(field));

    [Fact]
    public void Parse_OneId_IsTheSubject()
    {
        Assert.Equal(new DataSubject("u-1", null), DataSubject.Parse("u-1", "").Value);
        Assert.Equal(new DataSubject(null, "v-1"), DataSubject.Parse(null, "v-1").Value);
    }

    [Fact]
    public void Hash_HoldsNoIdAndTellsKindsApart()
    {
        var user = new DataSubject("u-1", null).Hash();
        Assert.DoesNotContain("u-1", user);
        Assert.Equal(64, user.Length);
        Assert.NotEqual(user, new DataSubject(null, "u-1").Hash());
        Assert.Equal(user, new DataSubject("u-1", null).Hash());
    }
}
