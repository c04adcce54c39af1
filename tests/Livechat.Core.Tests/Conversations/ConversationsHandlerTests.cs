using Livechat.Core.Conversations;
using Livechat.Core.CustomFields;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Moq;

namespace Livechat.Core.Tests.Conversations;

public sealed class ConversationsHandlerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly InMemoryConversationIndex _index = new();
    private readonly Dictionary<string, Room> _rooms = new();
    private readonly Dictionary<string, List<ChatMessage>> _messages = new();
    private readonly Mock<IRoomStore> _roomStore = new();
    private readonly Mock<IUserStore> _users = new();
    private readonly Mock<ISessionStore> _sessions = new();
    private readonly Mock<ICustomFieldStore> _fields = new();
    private readonly ConversationsHandler _handler;
    private int _transcriptReads;

    public ConversationsHandlerTests()
    {
        _roomStore.Setup(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => _rooms.GetValueOrDefault(id));
        _roomStore.Setup(r => r.ReadMessagesAsync(It.IsAny<string>(), It.IsAny<long>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, long afterSeq, int max, CancellationToken _) =>
            {
                if (afterSeq == 0) _transcriptReads++;
                return _messages.GetValueOrDefault(id, []).Where(m => m.Seq > afterSeq).Take(max).ToList();
            });
        _fields.Setup(f => f.ListAsync(It.IsAny<FieldOwner>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        _handler = new ConversationsHandler(_index, _roomStore.Object, _users.Object, _sessions.Object, _fields.Object);
    }

    private Room AddRoom(string id, DateTimeOffset start, RoomStatus status = RoomStatus.Open, string? department = null, params string[] texts)
    {
        var room = ConversationEntryTests.Room(status, department, roomId: id, createdAt: start) with { NextSeq = texts.Length + 1 };
        _rooms[id] = room;
        _messages[id] = texts.Select((t, i) => new ChatMessage
        {
            Id = $"m-{id}-{i}", RoomId = id, Seq = i + 1, Sender = i % 2 == 0 ? Sender.Bot : Sender.Visitor, Text = t, SentAt = start.AddSeconds(i),
        }).ToList();
        _index.Put(ConversationEntry.Of(room));
        return room;
    }

    [Fact]
    public async Task ListAsync_PagedByItsTokens_ShowsEveryRoomOnceNewestFirst()
    {
        for (var i = 0; i < 7; i++) AddRoom($"r-{i}", Start.AddMinutes(i), texts: "Hi");
        // Two rooms started in the same millisecond are ordered by id.
        AddRoom("r-7b", Start.AddMinutes(6), texts: "Hi");

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = (await _handler.ListAsync(new ConversationQuery(PageSize: "3", ContinuationToken: token), null, None)).Value!;
            seen.AddRange(page.Conversations.Select(c => c.RoomId));
            token = page.ContinuationToken;
            pages++;
        } while (token is not null);

        Assert.Equal(["r-6", "r-7b", "r-5", "r-4", "r-3", "r-2", "r-1", "r-0"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListAsync_ARoomStartedAfterTheFirstPage_DoesNotShiftTheNextPage()
    {
        for (var i = 0; i < 4; i++) AddRoom($"r-{i}", Start.AddMinutes(i));
        var first = (await _handler.ListAsync(new ConversationQuery(PageSize: "2"), null, None)).Value!;

        AddRoom("r-new", Start.AddMinutes(10));
        var second = (await _handler.ListAsync(new ConversationQuery(PageSize: "2", ContinuationToken: first.ContinuationToken), null, None)).Value!;

        Assert.Equal(["r-3", "r-2"], first.Conversations.Select(c => c.RoomId));
        Assert.Equal(["r-1", "r-0"], second.Conversations.Select(c => c.RoomId));
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task ListAsync_StatusFilter_GoesByTheRoom_WhenTheIndexLagsIt()
    {
        AddRoom("r-1", Start, RoomStatus.Waiting, "sales");
        AddRoom("r-2", Start.AddMinutes(1), RoomStatus.Waiting, "sales");
        _rooms["r-2"] = _rooms["r-2"] with { Status = RoomStatus.Agent, AgentId = "ann" }; // the index missed the claim

        var waiting = (await _handler.ListAsync(new ConversationQuery(Status: "waiting"), null, None)).Value!;
        var all = (await _handler.ListAsync(new ConversationQuery(), null, None)).Value!;

        Assert.Equal(["r-1"], waiting.Conversations.Select(c => c.RoomId));
        Assert.Equal((RoomStatus.Agent, "ann"), (all.Conversations[0].Status, all.Conversations[0].AgentId));
    }

    [Fact]
    public async Task ListAsync_FiltersByDepartmentUserAndDay()
    {
        AddRoom("r-1", Start.AddDays(-1), department: "sales");
        AddRoom("r-2", Start, department: "sales");
        AddRoom("r-3", Start, department: "support");
        _rooms["r-3"] = _rooms["r-3"] with { UserId = "u-7" };
        _index.Put(ConversationEntry.Of(_rooms["r-3"]));

        async Task<IEnumerable<string>> Ids(ConversationQuery q) => (await _handler.ListAsync(q, null, None)).Value!.Conversations.Select(c => c.RoomId);

        Assert.Equal(["r-2", "r-1"], await Ids(new ConversationQuery(Department: "sales")));
        Assert.Equal(["r-3"], await Ids(new ConversationQuery(UserId: "u-7")));
        Assert.Equal(["r-2", "r-3"], await Ids(new ConversationQuery(From: "2026-12-01", To: "2026-12-01"))); // same start: by id
        Assert.Equal(["r-1"], await Ids(new ConversationQuery(To: "2026-11-30")));
    }

    [Fact]
    public async Task ListAsync_Text_IsACaseInsensitiveSubstringOfAnyMessage()
    {
        AddRoom("r-1", Start, texts: ["Hi! How can we help?", "Do you ship to NORWAY?"]);
        AddRoom("r-2", Start.AddMinutes(1), texts: ["Hi! How can we help?", "Pricing"]);

        var found = (await _handler.ListAsync(new ConversationQuery(Q: "norway"), null, None)).Value!;

        Assert.Equal(["r-1"], found.Conversations.Select(c => c.RoomId));
        Assert.Null(found.ContinuationToken);
    }

    [Fact]
    public async Task ListAsync_Text_ReadsABoundedNumberOfTranscriptsAPage_AndGoesOnFromItsToken()
    {
        for (var i = 0; i < ConversationsHandler.MaxTranscriptsPerPage + 20; i++) AddRoom($"r-{i:D3}", Start.AddMinutes(i), texts: "Pricing");
        AddRoom("r-old", Start.AddDays(-1), texts: "Do you ship to Norway?");

        var first = (await _handler.ListAsync(new ConversationQuery(Q: "norway"), null, None)).Value!;
        var readsForFirst = _transcriptReads;
        var second = (await _handler.ListAsync(new ConversationQuery(Q: "norway", ContinuationToken: first.ContinuationToken), null, None)).Value!;

        Assert.Empty(first.Conversations);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(ConversationsHandler.MaxTranscriptsPerPage, readsForFirst);
        Assert.Equal(["r-old"], second.Conversations.Select(c => c.RoomId));
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task ListAsync_ARow_ShowsTheMessageCountTheLastMessageAndTheVisitorsName()
    {
        AddRoom("r-1", Start, texts: ["Hi!", "Do you ship to Norway?"]);
        _sessions.Setup(s => s.GetAsync("s-1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VisitorSession { SessionId = "s-1", VisitorId = "v-1", CreatedAt = Start, UserParams = new UserParams("Alice") });

        var row = Assert.Single((await _handler.ListAsync(new ConversationQuery(), null, None)).Value!.Conversations);

        Assert.Equal((2L, "Alice"), (row.MessageCount, row.VisitorName));
        Assert.Equal((Sender.Visitor, "Do you ship to Norway?"), (row.LastMessage!.Sender, row.LastMessage.Text));
    }

    [Theory]
    [InlineData("0", null, "pageSize")]
    [InlineData("101", null, "pageSize")]
    [InlineData("ten", null, "pageSize")]
    [InlineData(null, "not-a-token", "continuationToken")]
    public async Task ListAsync_BadPagingValues_AreProblemsNamingTheField(string? pageSize, string? token, string field)
    {
        var listed = await _handler.ListAsync(new ConversationQuery(PageSize: pageSize, ContinuationToken: token), null, None);

        Assert.Equal([field], listed.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task GetAsync_ShowsTheVisitorsParamsBothScopesOfFieldsAndTheTranscriptInOrder()
    {
        var room = AddRoom("r-1", Start, RoomStatus.Agent, "sales", "Hi!", "Hello", "How can I help?") with { UserId = "u-7", UserVerified = true };
        _rooms["r-1"] = room;
        _users.Setup(u => u.GetAsync("u-7", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatUser { UserId = "u-7", CreatedAt = Start, UserParams = new UserParams("Alice", "alice@example.com") });
        _fields.Setup(f => f.ListAsync(FieldOwner.User("u-7"), It.IsAny<CancellationToken>())).ReturnsAsync([new CustomField("tier", "pro", Start)]);
        _fields.Setup(f => f.ListAsync(FieldOwner.Room("r-1"), It.IsAny<CancellationToken>())).ReturnsAsync([new CustomField("plan", "gold", Start)]);

        var detail = (await _handler.GetAsync("r-1", null, None)).Value!;

        Assert.True(detail.UserVerified);
        Assert.Equal(("Alice", "alice@example.com"), (detail.Params.Name, detail.Params.Email));
        Assert.Equal(["tier"], detail.UserFields.Select(f => f.Key));
        Assert.Equal(["plan"], detail.RoomFields.Select(f => f.Key));
        Assert.Equal([1L, 2L, 3L], detail.Messages.Select(m => m.Seq));
    }

    [Theory]
    [InlineData("r-nope")]
    [InlineData("../r-1")]
    public async Task GetAsync_AnUnknownRoom_IsNotFoundNamingRoomId(string roomId)
    {
        AddRoom("r-1", Start);

        Assert.Equal(["roomId"], (await _handler.GetAsync(roomId, null, None)).Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task GetAsync_ARoomOutsideTheCallersDepartments_IsNotFound()
    {
        AddRoom("r-1", Start, RoomStatus.Waiting, "fraud");

        Assert.False((await _handler.GetAsync("r-1", new HashSet<string> { "sales" }, None)).IsSuccess);
        Assert.Empty((await _handler.ListAsync(new ConversationQuery(), new HashSet<string> { "sales" }, None)).Value!.Conversations);
    }
}
