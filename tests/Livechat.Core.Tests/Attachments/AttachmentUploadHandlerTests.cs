using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Livechat.Core.Limits;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Livechat.Core.Tests.Agents.AgentTestRooms;

namespace Livechat.Core.Tests.Attachments;

public sealed class AttachmentUploadHandlerTests
{
    private static readonly AttachmentRequest Photo = new("cat.png", "image/png", 2048);

    private readonly Mock<IRoomStore> _rooms = new();
    private readonly InMemoryAttachmentStore _files = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
    private readonly VisitorSession _visitor = new() { SessionId = "s-1", VisitorId = "v-1", CreatedAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public async Task VisitorAsync_OwnOpenRoom_ReturnsACreateOnlyLinkForMinutesAndKeepsTheDeclaration()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open));

        var upload = await Handler().VisitorAsync(_visitor, RoomId, Photo, CancellationToken.None);

        Assert.True(upload.IsSuccess, upload.Problem?.Detail);
        Assert.Equal(_time.GetUtcNow() + new AttachmentOptions().UploadLinkLifetime, upload.Value!.ExpiresAt);
        Assert.Equal("image/png", upload.Value.Headers["Content-Type"]);
        Assert.Equal("BlockBlob", upload.Value.Headers["x-ms-blob-type"]);
        var declared = _files.Files[(RoomId, upload.Value.AttachmentId)].Declared;
        Assert.Equal(("cat.png", "image/png", 2048L), (declared.Name, declared.ContentType, declared.Size));
    }

    [Fact]
    public async Task VisitorAsync_AnotherVisitorsRoom_ReturnsNotFoundAndDeclaresNothing()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open) with { VisitorId = "v-2", SessionId = "s-2" });

        var upload = await Handler().VisitorAsync(_visitor, RoomId, Photo, CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, upload.Problem?.Kind);
        Assert.Empty(_files.Files);
    }

    [Fact]
    public async Task VisitorAsync_EndedRoom_ReturnsConflict()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Ended));

        Assert.Equal(ProblemKind.Conflict, (await Handler().VisitorAsync(_visitor, RoomId, Photo, CancellationToken.None)).Problem?.Kind);
    }

    [Fact]
    public async Task VisitorAsync_TypeNotAllowed_ReturnsProblemNamingContentTypeAndDeclaresNothing()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Open));

        var upload = await Handler().VisitorAsync(_visitor, RoomId, Photo with { ContentType = "text/html" }, CancellationToken.None);

        Assert.Equal(["contentType"], upload.Problem?.Errors?.Keys);
        Assert.Empty(_files.Files);
    }

    [Theory]
    [InlineData(RoomStatus.Waiting, null)]
    [InlineData(RoomStatus.Agent, "bob")]
    public async Task AgentAsync_RoomNotClaimedByTheAgent_ReturnsForbidden(RoomStatus status, string? agentId)
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(status, agentId: agentId));

        var upload = await Handler().AgentAsync(Ann, RoomId, Photo, CancellationToken.None);

        Assert.Equal(ProblemKind.Forbidden, upload.Problem?.Kind);
        Assert.Empty(_files.Files);
    }

    [Fact]
    public async Task AgentAsync_RoomOfAnotherDepartment_ReturnsForbidden()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "sam"));

        Assert.Equal(ProblemKind.Forbidden, (await Handler().AgentAsync(SupportOnly, RoomId, Photo, CancellationToken.None)).Problem?.Kind);
    }

    [Fact]
    public async Task AgentAsync_ClaimedRoom_ReturnsALink()
    {
        _rooms.Setup(r => r.GetAsync(RoomId, It.IsAny<CancellationToken>())).ReturnsAsync(Room(RoomStatus.Agent, agentId: "ann"));

        Assert.True((await Handler().AgentAsync(Ann, RoomId, Photo with { Name = "prices.pdf", ContentType = "application/pdf" }, CancellationToken.None)).IsSuccess);
    }

    private AttachmentUploadHandler Handler()
    {
        var options = Options.Create(new AttachmentOptions());
        return new(_rooms.Object, _files, new AttachmentLimits(options), new SessionRateLimiter(Options.Create(new LimitOptions()), _time), options, _time);
    }
}
