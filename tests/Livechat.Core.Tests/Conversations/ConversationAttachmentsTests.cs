using Livechat.Core.Attachments;
using Livechat.Core.Conversations;
using Livechat.Core.CustomFields;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Conversations;

public sealed class ConversationAttachmentsTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_AnAttachmentMessage_CarriesAFreshSignedReadLink()
    {
        var room = ConversationEntryTests.Room(RoomStatus.Ended, "sales", roomId: "r-1", createdAt: Start) with { NextSeq = 3 };
        var file = new ChatAttachment("f-1", "receipt.pdf", "application/pdf", 2048);
        List<ChatMessage> messages =
        [
            new() { Id = "m-1", RoomId = "r-1", Seq = 1, Sender = Sender.Visitor, Text = "here it is", SentAt = Start },
            new() { Id = "m-2", RoomId = "r-1", Seq = 2, Sender = Sender.Visitor, Text = "", Attachment = file, SentAt = Start.AddSeconds(1) },
        ];
        var rooms = new Mock<IRoomStore>();
        rooms.Setup(r => r.GetAsync("r-1", It.IsAny<CancellationToken>())).ReturnsAsync(room);
        rooms.Setup(r => r.ReadMessagesAsync("r-1", 0, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(messages);
        var fields = new Mock<ICustomFieldStore>();
        fields.Setup(f => f.ListAsync(It.IsAny<FieldOwner>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var store = new Mock<IAttachmentStore>();
        var time = new FakeTimeProvider(Start.AddDays(1));
        var signed = new Uri("https://blob.test/attachments/r-1/f-1?sig=x");
        store.Setup(s => s.CreateDownloadAsync("r-1", file, time.GetUtcNow() + TimeSpan.FromHours(1), It.IsAny<CancellationToken>())).ReturnsAsync(signed);
        var links = new AttachmentLinks(store.Object, Options.Create(new AttachmentOptions { DownloadLinkLifetime = TimeSpan.FromHours(1) }), time);
        var handler = new ConversationsHandler(new InMemoryConversationIndex(), rooms.Object, new Mock<IUserStore>().Object, new Mock<ISessionStore>().Object,
            fields.Object, links: links);

        var detail = (await handler.GetAsync("r-1", null, CancellationToken.None)).Value!;

        Assert.Null(detail.Messages[0].Attachment);
        Assert.Equal(signed, detail.Messages[1].Attachment!.Url);
    }

    [Fact]
    public void TranscriptText_ALineAMessage_WithTimeSenderAndFiles()
    {
        var transcript = new ConversationTranscript("r-1", RoomStatus.Ended, "sales", "u-7", "Alice", Start, Start.AddMinutes(5), "closed",
        [
            new ChatMessage { Id = "m-1", RoomId = "r-1", Seq = 1, Sender = Sender.Bot, Text = "Hi!", SentAt = Start },
            new ChatMessage { Id = "m-2", RoomId = "r-1", Seq = 2, Sender = Sender.Visitor, Text = "two\nlines", SentAt = Start.AddSeconds(3) },
            new ChatMessage { Id = "m-3", RoomId = "r-1", Seq = 3, Sender = Sender.Agent, AgentId = "ann", Text = "", SentAt = Start.AddSeconds(9),
                Attachment = new ChatAttachment("f-1", "form.pdf", "application/pdf", 10) },
        ], Truncated: false);

        var lines = TranscriptText.Render(transcript).Split('\n');

        Assert.Equal("Conversation r-1, started 2026-12-01 09:00:00Z, ended 2026-12-01 09:05:00Z (closed)", lines[0]);
        Assert.Contains("[2026-12-01 09:00:00Z] Bot: Hi!", lines);
        Assert.Contains("[2026-12-01 09:00:03Z] Alice: two / lines", lines);
        Assert.Contains("[2026-12-01 09:00:09Z] Agent (ann): [file: form.pdf]", lines);
    }
}
