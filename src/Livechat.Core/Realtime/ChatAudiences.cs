using Livechat.Core.Agents;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;

namespace Livechat.Core.Realtime;

/// <summary>
/// Who hears which <see cref="ChatEvent"/>, under which hub method and with which payload: the one map of the
/// realtime fan-out. A room's visitor is its realtime user (every tab, or every device of a logged-in user); its
/// agents are the room's group once an agent has it (nobody is in it before, so it is not sent to); a department's
/// agents are the department's group.
/// </summary>
public static class ChatAudiences
{
    public static IReadOnlyList<Delivery> For(ChatEvent chatEvent) => chatEvent switch
    {
        ChatEvent.Started e => [ToVisitor(e.Room, RealtimeEvents.ChatStarted, new RoomEvent(e.Room.RoomId))],
        ChatEvent.MessageAdded e => ToVisitorAndAgents(e.Room, RealtimeEvents.Message, e.Message),
        ChatEvent.Ended e => ToVisitorAndAgents(e.Room, RealtimeEvents.ChatEnded, new RoomEndedEvent(e.Room.RoomId, e.Reason)),
        ChatEvent.AgentJoined e => ToVisitorAndAgents(e.Room, RealtimeEvents.AgentJoined, new AgentJoinedEvent(e.Room.RoomId, e.AgentName)),
        ChatEvent.Queued e => [ToDepartment(e.Department, RealtimeEvents.RoomWaiting, new RoomWaitingEvent(e.Room.RoomId, e.Department, e.VisitorName, e.Room.UserId, e.Room.UserVerified))],
        ChatEvent.Claimed e => [ToDepartment(e.Department, RealtimeEvents.RoomClaimed, new RoomClaimedEvent(e.Room.RoomId, e.Department, e.AgentId, e.AgentName))],
        ChatEvent.LoggedOut e => ToVisitorAndUser(e),
        // The visitor's typing goes to the room's agents only, the agent's to the visitor only: nobody hears themselves.
        ChatEvent.Typing { Sender: Sender.Visitor } e => [new Delivery(null, RealtimeGroups.Room(e.Room.RoomId), RealtimeEvents.Typing, new TypingEvent(e.Room.RoomId, "visitor"))],
        ChatEvent.Typing e => [ToVisitor(e.Room, RealtimeEvents.Typing, new TypingEvent(e.Room.RoomId, "agent"))],
        // As typing: the visitor's read goes to the room's agents, the agent's to the visitor; neither side hears its own.
        // Before an agent has the room its group is empty: nothing is sent.
        ChatEvent.Read { Reader: Sender.Visitor } e => e.Room.AgentId is null ? [] : [ToAgents(e.Room, RealtimeEvents.Read, new ReadEvent(e.Room.RoomId, "visitor", e.Seq))],
        ChatEvent.Read e => [ToVisitor(e.Room, RealtimeEvents.Read, new ReadEvent(e.Room.RoomId, "agent", e.Seq))],
        // A note is the agents' own: never the visitor's realtime user, whatever the room's state.
        ChatEvent.NoteAdded e => [ToAgents(e.Room, RealtimeEvents.Note, e.Note)],
        ChatEvent.UserIdentified => [],
        ChatEvent.QueuePositionChanged e => [ToVisitor(e.Room, RealtimeEvents.QueuePosition, new Routing.QueuePositionEvent(e.Room.RoomId, e.Position, e.EstimatedWaitSeconds))],
        _ => throw new ArgumentOutOfRangeException(nameof(chatEvent), chatEvent.GetType().Name, "An event without audiences."),
    };

    private static Delivery ToVisitor(Room room, string name, object payload) => new(room.RealtimeUserId, null, name, payload);

    /// <summary>
    /// The visitor, and the room's agents once an agent has the room: while it is with an agent, and when it ends after
    /// one had it (the ended room still names the agent; a transfer clears it).
    /// </summary>
    private static IReadOnlyList<Delivery> ToVisitorAndAgents(Room room, string name, object payload) =>
        room.Status == RoomStatus.Agent || room.AgentId is not null
            ? [ToVisitor(room, name, payload), new Delivery(null, RealtimeGroups.Room(room.RoomId), name, payload)]
            : [ToVisitor(room, name, payload)];

    /// <summary>Both identities: tabs still connected as the anonymous visitor hear it as well as the user's devices.</summary>
    private static IReadOnlyList<Delivery> ToVisitorAndUser(ChatEvent.LoggedOut e)
    {
        var payload = new LoggedOut(e.EndedRoomId);
        var visitor = new Delivery(RealtimeUsers.ForVisitor(e.VisitorId), null, RealtimeEvents.LogoutComplete, payload);
        return e.UserId is null ? [visitor] : [visitor, new Delivery(RealtimeUsers.ForUser(e.UserId), null, RealtimeEvents.LogoutComplete, payload)];
    }

    private static Delivery ToAgents(Room room, string name, object payload) => new(null, RealtimeGroups.Room(room.RoomId), name, payload);

    private static Delivery ToDepartment(string department, string name, object payload) => new(null, RealtimeGroups.Department(department), name, payload);
}

/// <summary>One send: to a realtime user or to a group, a hub method and its payload.</summary>
public sealed record Delivery(string? User, string? Group, string EventName, object Payload);
