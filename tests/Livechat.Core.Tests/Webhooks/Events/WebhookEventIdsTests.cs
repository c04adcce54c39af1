using Livechat.Core.Webhooks.Events;

namespace Livechat.Core.Tests.Webhooks.Events;

/// <summary>Event ids are cursors: their order must be time order, and a floor must split a time exactly.</summary>
public sealed class WebhookEventIdsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_IdsOfLaterTimes_SortAfter_AndAreValid()
    {
        var ids = Enumerable.Range(0, 100).Select(i => WebhookEventIds.New(At.AddMilliseconds(i * 37))).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(ids, id => Assert.True(WebhookEventIds.IsValid(id), id));
        Assert.Equal(At.AddMilliseconds(37), WebhookEventIds.TimeOf(ids[1]));
    }

    [Fact]
    public void Floor_SortsAfterEveryEarlierId_AndBeforeEveryIdOfItsMillisecond()
    {
        var floor = WebhookEventIds.Floor(At);

        Assert.True(string.CompareOrdinal(WebhookEventIds.New(At.AddMilliseconds(-1)), floor) < 0);
        Assert.True(string.CompareOrdinal(WebhookEventIds.New(At), floor) > 0);
        Assert.False(WebhookEventIds.IsValid(floor));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("evt_")]
    [InlineData("evt_0000000000000000000000X")]
    [InlineData("evt_ABCDEF0123456789ABCDEF")]
    [InlineData("' or RowKey gt ''")]
    public void IsValid_AnythingButAnId_IsFalse(string? id) => Assert.False(WebhookEventIds.IsValid(id));

    [Fact]
    public void BackoffAfter_Doubles_UpToTheMaximum()
    {
        var options = new WebhookEventOptions { FirstRetryInterval = TimeSpan.FromSeconds(10), MaxRetryInterval = TimeSpan.FromSeconds(60) };

        Assert.Equal([10, 20, 40, 60, 60], new[] { 1, 2, 3, 4, 30 }.Select(a => options.BackoffAfter(a).TotalSeconds));
    }
}
