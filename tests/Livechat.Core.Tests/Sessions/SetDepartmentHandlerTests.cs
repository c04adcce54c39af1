using Livechat.Core.Common;
using Livechat.Core.Departments;
using Livechat.Core.Sessions;
using Moq;

namespace Livechat.Core.Tests.Sessions;

/// <summary>setDepartment: a page may pick only a department the admin made public, and cannot tell a private one from none.</summary>
public sealed class SetDepartmentHandlerTests
{
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<IDepartmentStore> _departments = new();
    private readonly VisitorSession _session = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "1" };

    public SetDepartmentHandlerTests()
    {
        _sessions.Setup(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VisitorSession s, CancellationToken _) => s with { ETag = "2" });
        _departments.Setup(d => d.GetAsync("sales", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Department("sales", "Sales", true, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        _departments.Setup(d => d.GetAsync("fraud", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Department("fraud", "Fraud desk", false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task HandleAsync_PublicDepartment_IsStoredOnTheSession()
    {
        var outcome = await Handler().HandleAsync(_session, "sales", CancellationToken.None);

        Assert.Equal("sales", outcome.Value!.Department);
        _sessions.Verify(s => s.TryReplaceAsync(It.Is<VisitorSession>(v => v.Department == "sales"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_PrivateDepartment_AnswersExactlyLikeAnUnknownOne_AndWritesNothing()
    {
        var secret = await Handler().HandleAsync(_session, "fraud", CancellationToken.None);
        var unknown = await Handler().HandleAsync(_session, "nothere", CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, secret.Problem!.Kind);
        Assert.Equal(["department"], secret.Problem.Errors!.Keys);
        Assert.Equal(Normalized(unknown.Problem!, "nothere"), Normalized(secret.Problem, "fraud"));
        _sessions.Verify(s => s.TryReplaceAsync(It.IsAny<VisitorSession>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_UnsafeName_IsInvalid_WithoutReadingDepartments()
    {
        var outcome = await Handler().HandleAsync(_session, "sales/eu", CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        _departments.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_Null_ClearsTheDepartment_EvenOneThatIsNoLongerPublic()
    {
        var chosen = _session with { Department = "fraud" };

        var outcome = await Handler().HandleAsync(chosen, null, CancellationToken.None);

        Assert.Null(outcome.Value!.Department);
        _departments.VerifyNoOtherCalls();
    }

    /// <summary>The problem with the name the caller sent taken out: what is left must not depend on the department.</summary>
    private static string Normalized(Problem problem, string id) =>
        $"{problem.Kind}|{problem.Title}|{problem.Detail}|{string.Join(";", problem.Errors!.Select(e => $"{e.Key}={string.Join(",", e.Value)}"))}".Replace(id, "ID");

    private SetDepartmentHandler Handler() => new(new SessionUpdater(_sessions.Object), _departments.Object);
}
