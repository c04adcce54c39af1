using Livechat.Core.Agents;
using Livechat.Core.CannedResponses;
using Livechat.Core.Common;
using Livechat.Core.Departments;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.CannedResponses;

public sealed class CannedResponsesHandlerTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly AgentIdentity Ann = new("ann", "Ann", ["sales"], DateTimeOffset.MaxValue);
    private readonly Mock<ICannedResponseStore> _store = new();
    private readonly Mock<IDepartmentStore> _departments = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private readonly CannedResponsesHandler _handler;

    public CannedResponsesHandlerTests()
    {
        _handler = new CannedResponsesHandler(_store.Object, _departments.Object, Options.Create(new RoomOptions()), _time);
        _departments.Setup(d => d.GetAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(new Department("sales", "Sales", true, _time.GetUtcNow(), _time.GetUtcNow()));
        _store.Setup(s => s.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
    }

    [Theory]
    [InlineData("refund")]
    [InlineData("a")]
    [InlineData("late-delivery-2")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public async Task Put_AGoodShortcut_SavesIt(string shortcut)
    {
        var outcome = await _handler.PutAsync("sales", shortcut, new CannedResponseRequest(" Your refund is on its way. "), None);

        Assert.Equal(new CannedResponse("sales", shortcut, "Your refund is on its way.", _time.GetUtcNow()), outcome.Value);
        _store.Verify(s => s.SaveAsync(outcome.Value!, It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Refund")]
    [InlineData("/refund")]
    [InlineData("two words")]
    [InlineData("under_score")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("émoji")]
    public async Task Put_ABadShortcut_IsRefusedNamingShortcut_AndNothingIsSaved(string shortcut)
    {
        var outcome = await _handler.PutAsync("sales", shortcut, new CannedResponseRequest("text"), None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey("shortcut"));
        _store.Verify(s => s.SaveAsync(It.IsAny<CannedResponse>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("bell\u0007")]
    public async Task Put_ABadText_IsRefusedNamingText(string? text)
    {
        var outcome = await _handler.PutAsync("sales", "refund", new CannedResponseRequest(text), None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey("text"));
        _store.Verify(s => s.SaveAsync(It.IsAny<CannedResponse>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Put_TextLongerThanAMessage_IsRefused_ButAsLongAsOneIsSaved()
    {
        var tooLong = await _handler.PutAsync("sales", "long", new CannedResponseRequest(new string('x', 2001)), None);
        var longest = await _handler.PutAsync("sales", "long", new CannedResponseRequest("line one\n" + new string('x', 1991)), None);

        Assert.True(tooLong.Problem!.Errors!.ContainsKey("text"));
        Assert.True(longest.IsSuccess);
    }

    [Fact]
    public async Task Put_InAnUnknownDepartment_Is404_AndNothingIsSaved()
    {
        var outcome = await _handler.PutAsync("nowhere", "refund", new CannedResponseRequest("text"), None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
        _store.Verify(s => s.SaveAsync(It.IsAny<CannedResponse>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Put_ANewShortcutInAFullDepartment_IsRefused_ButReplacingOneIsNot()
    {
        var full = Enumerable.Range(0, CannedResponseRules.MaxPerDepartment).Select(i => new CannedResponse("sales", $"r{i}", "t", _time.GetUtcNow())).ToList();
        _store.Setup(s => s.ListAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(full);

        Assert.Equal(ProblemKind.Conflict, (await _handler.PutAsync("sales", "one-more", new CannedResponseRequest("t"), None)).Problem!.Kind);
        Assert.True((await _handler.PutAsync("sales", "r7", new CannedResponseRequest("new text"), None)).IsSuccess);
    }

    [Fact]
    public async Task ListForAgent_OnlyTheAgentsDepartments()
    {
        var own = await _handler.ListForAgentAsync(Ann, "sales", None);
        var other = await _handler.ListForAgentAsync(Ann, "billing", None);
        var none = await _handler.ListForAgentAsync(Ann, "", None);

        Assert.True(own.IsSuccess);
        Assert.Equal(ProblemKind.Forbidden, other.Problem!.Kind);
        Assert.True(none.Problem!.Errors!.ContainsKey("department"));
        _store.Verify(s => s.ListAsync("billing", It.IsAny<CancellationToken>()), Times.Never);
    }
}
