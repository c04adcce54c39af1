using Livechat.Core.Agents;
using Livechat.Core.Rooms;
using Moq;

namespace Livechat.Core.Tests.Agents;

/// <summary>Rooms, agents and a room store stub shared by the agent handler tests.</summary>
internal static class AgentTestRooms
{
    public const string RoomId = "r-1";
    public const string VisitorUser = "v-v-1";

    public static readonly AgentIdentity Ann = new("ann", "Ann", ["sales"], DateTimeOffset.MaxValue);
    public static readonly AgentIdentity Bob = new("bob", "Bob", ["sales"], DateTimeOffset.MaxValue);
    public static readonly AgentIdentity SupportOnly = new("sam", "Sam", ["support"], DateTimeOffset.MaxValue);

    public static Room Room(RoomStatus status, string? department = "sales", string? agentId = null, string etag = "1") => new()
    {
        RoomId = RoomId,
        SessionId = "s-1",
        VisitorId = "v-1",
        RealtimeUserId = VisitorUser,
        RecipeId = "welcome",
        RecipeVersion = 1,
        Department = department,
        Status = status,
        AgentId = agentId,
        CreatedAt = DateTimeOffset.UnixEpoch,
        ETag = etag,
    };

    /// <summary>Appends answer with the next sequence number and echo what was appended.</summary>
    public static void SetupAppend(Mock<IRoomStore> rooms, long seq = 7) =>
        rooms.Setup(r => r.AppendAsync(It.Is<Room>(x => x.RoomId == RoomId), It.IsAny<NewMessage>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Room room, NewMessage m, DateTimeOffset at, CancellationToken _) => AppendOutcome.Of(new AppendResult(new ChatMessage
            {
                Id = "m-" + seq,
                RoomId = room.RoomId,
                Seq = seq,
                Sender = m.Sender,
                Text = m.Text,
                ClientMessageId = m.ClientMessageId,
                AgentId = m.AgentId,
                Attachment = m.Attachment,
                SentAt = at,
            }, Duplicate: false)));
}
