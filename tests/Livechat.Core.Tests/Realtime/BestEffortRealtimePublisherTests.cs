using Livechat.Core.Realtime;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Livechat.Core.Tests.Realtime;

public sealed class BestEffortRealtimePublisherTests
{
    private readonly Mock<IRealtimePublisher> _inner = new();

    private BestEffortRealtimePublisher Publisher(TimeSpan budget) => new(_inner.Object, budget, NullLogger<BestEffortRealtimePublisher>.Instance);

    [Fact]
    public async Task Send_WhenTheServiceFails_IsDroppedWithoutThrowing()
    {
        _inner.Setup(p => p.SendToUserAsync("u", "message", It.IsAny<object>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("refused"));

        await Publisher(TimeSpan.FromSeconds(1)).SendToUserAsync("u", "message", new { }, CancellationToken.None);
    }

    [Fact]
    public async Task Send_SlowerThanTheBudget_IsAbandonedAtTheBudget()
    {
        _inner.Setup(p => p.SendToGroupAsync("g", "message", It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string _, object _, CancellationToken token) => Task.Delay(TimeSpan.FromSeconds(30), token));
        var started = DateTime.UtcNow;

        await Publisher(TimeSpan.FromMilliseconds(200)).SendToGroupAsync("g", "message", new { }, CancellationToken.None);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task GroupMembership_IsNotBestEffort_ItsFailureIsThrown()
    {
        _inner.Setup(p => p.AddUserToGroupAsync("u", "g", null, It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("refused"));

        await Assert.ThrowsAsync<HttpRequestException>(() => Publisher(TimeSpan.FromSeconds(1)).AddUserToGroupAsync("u", "g", null, CancellationToken.None));
    }

    [Fact]
    public async Task Send_CancelledByTheCaller_IsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        _inner.Setup(p => p.SendToUserAsync("u", "message", It.IsAny<object>(), It.IsAny<CancellationToken>()))
            .Returns((string _, string _, object _, CancellationToken token) => Task.FromCanceled(token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Publisher(TimeSpan.FromSeconds(1)).SendToUserAsync("u", "message", new { }, cancelled.Token));
    }
}
