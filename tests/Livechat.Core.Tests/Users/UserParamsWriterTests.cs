using Livechat.Core.Common;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Moq;

namespace Livechat.Core.Tests.Users;

public sealed class UserParamsWriterTests
{
    private readonly Mock<ISessionStore> _sessions = new(MockBehavior.Strict);
    private readonly Mock<IUserStore> _users = new(MockBehavior.Strict);

    [Fact]
    public async Task ApplyAsync_UserMissing_WritesNothingAndAnswersGone()
    {
        // An erased user: a flow still running must not bring its row back.
        _users.Setup(u => u.GetAsync("u-1", It.IsAny<CancellationToken>())).ReturnsAsync((ChatUser?)null);

        var outcome = await new UserParamsWriter(_sessions.Object, _users.Object).ApplyAsync("s-1", "u-1", new UserParamsRequest("Ada", null, null), CancellationToken.None);

        Assert.Equal(ProblemKind.Gone, outcome.Problem!.Kind);
        _users.Verify(u => u.GetOrCreateAsync(It.IsAny<ChatUser>(), It.IsAny<CancellationToken>()), Times.Never);
        _users.Verify(u => u.TryReplaceAsync(It.IsAny<ChatUser>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ApplyAsync_UserStored_ReplacesItsParams()
    {
        var user = new ChatUser { UserId = "u-1", CreatedAt = DateTimeOffset.UnixEpoch, ETag = "e1" };
        _users.Setup(u => u.GetAsync("u-1", It.IsAny<CancellationToken>())).ReturnsAsync(user);
        _users.Setup(u => u.TryReplaceAsync(It.Is<ChatUser>(c => c.UserParams.Name == "Ada"), It.IsAny<CancellationToken>())).ReturnsAsync(user);

        var outcome = await new UserParamsWriter(_sessions.Object, _users.Object).ApplyAsync("s-1", "u-1", new UserParamsRequest("Ada", null, null), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
    }
}
