using Livechat.Core.Common;

namespace Livechat.Core.Tests.Common;

public sealed class OptimisticConcurrencyTests
{
    [Fact]
    public async Task RunAsync_AttemptThatKeepsLosing_StopsAtTheBudgetWithAConflictNamingTheSubject()
    {
        var attempts = new List<int>();

        var outcome = await OptimisticConcurrency.RunAsync<string>("session", attempt =>
        {
            attempts.Add(attempt);
            return Task.FromResult<Outcome<string>?>(null);
        });

        Assert.Equal(Enumerable.Range(0, OptimisticConcurrency.Budget), attempts);
        Assert.Equal(ProblemKind.Conflict, outcome.Problem!.Kind);
        Assert.Contains("session", outcome.Problem.Title);
    }

    [Fact]
    public async Task RunAsync_ResultOrProblem_EndsTheLoopAtOnce()
    {
        var calls = 0;
        var won = await OptimisticConcurrency.RunAsync<string>("room", attempt => Task.FromResult(++calls == 3 ? (Outcome<string>?)"saved" : null));
        var refused = await OptimisticConcurrency.RunAsync<string>("room", _ => Task.FromResult<Outcome<string>?>(Problem.NotFound("Room", "roomId")));

        Assert.Equal("saved", won.Value);
        Assert.Equal(3, calls);
        Assert.Equal(ProblemKind.NotFound, refused.Problem!.Kind);
    }
}
