using Livechat.Core.Rooms;
using Microsoft.DurableTask;
using Moq;

namespace Livechat.Core.Tests.Rooms;

public sealed class IdleSweepOrchestratorTests
{
    private static readonly DateTime Now = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
    private readonly Mock<TaskOrchestrationContext> _context = new();
    private readonly List<DateTime> _timers = [];
    private DateTime _now = Now;

    public IdleSweepOrchestratorTests()
    {
        _context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => _now);
        _context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, _) =>
            {
                _timers.Add(fireAt);
                _now = fireAt;
                return Task.CompletedTask;
            });
    }

    [Fact]
    public async Task RunAsync_SweepsThenSleepsTheIntervalTheSweepReturned_ThenContinuesAsNew()
    {
        _context.Setup(c => c.CallActivityAsync<IdleSweepResult>(nameof(SweepIdleRoomsActivity), It.IsAny<object?>(), RoomOrchestrator.ActivityRetry))
            .ReturnsAsync(new IdleSweepResult(0, TimeSpan.FromSeconds(30)));

        var result = await new IdleSweepOrchestrator().RunAsync(_context.Object, null);

        Assert.Equal("continued", result);
        Assert.Equal(Enumerable.Range(1, IdleSweepOrchestrator.SweepsPerGeneration).Select(i => Now.AddSeconds(30 * i)), _timers);
        _context.Verify(c => c.ContinueAsNew(null, false), Times.Once);
    }

    [Fact]
    public async Task RunAsync_ASweepFailingPastItsRetries_IsSkipped_SweepingGoesOn()
    {
        var calls = 0;
        _context.Setup(c => c.CallActivityAsync<IdleSweepResult>(nameof(SweepIdleRoomsActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => ++calls == 1
                ? Task.FromException<IdleSweepResult>(new TaskFailedException(nameof(SweepIdleRoomsActivity), 1, new InvalidOperationException("storage down")))
                : Task.FromResult(new IdleSweepResult(2, TimeSpan.FromSeconds(5))));

        var result = await new IdleSweepOrchestrator().RunAsync(_context.Object, null);

        Assert.Equal("continued", result);
        Assert.Equal(IdleSweepOrchestrator.SweepsPerGeneration, calls);
        Assert.Equal(Now + IdleSweepOrchestrator.AfterFailure, _timers[0]);
        Assert.Equal(_timers[0].AddSeconds(5), _timers[1]);
    }

    [Fact]
    public async Task RunAsync_ExpiredSessions_AreSweptOnceAGeneration_AndTheirFailureStopsNoRoomSweep()
    {
        _context.Setup(c => c.CallActivityAsync<IdleSweepResult>(nameof(SweepIdleRoomsActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(new IdleSweepResult(0, TimeSpan.FromSeconds(30)));
        _context.Setup(c => c.CallActivityAsync<int>(nameof(SweepExpiredDataActivity), It.IsAny<object?>(), RoomOrchestrator.ActivityRetry))
            .ThrowsAsync(new TaskFailedException(nameof(SweepExpiredDataActivity), 1, new InvalidOperationException("storage down")));

        var result = await new IdleSweepOrchestrator().RunAsync(_context.Object, null);

        Assert.Equal("continued", result);
        _context.Verify(c => c.CallActivityAsync<int>(nameof(SweepExpiredDataActivity), It.IsAny<object?>(), It.IsAny<TaskOptions?>()), Times.Once);
        Assert.Equal(IdleSweepOrchestrator.SweepsPerGeneration, _timers.Count);
    }
}
