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
        ChatEvent.MessageAdded e => e.Room.Status == RoomStatus.Agent
            ? [ToVisitor(e.Room, RealtimeEvents.Message, e.Message), ToRoomAgents(e.Room, RealtimeEvents.Message, e.Message)]
            : [ToVisitor(e.Room, RealtimeEvents.Message, e.Message)],
        ChatEvent.Ended e => e.Room.AgentId is null
            ? [ToVisitor(e.Room, RealtimeEvents.ChatEnded, new RoomEndedEvent(e.Room.RoomId, e.Reason))]
            : [ToVisitor(e.Room, RealtimeEvents.ChatEnded, new RoomEndedEvent(e.Room.RoomId, e.Reason)),
               ToRoomAgents(e.Room, RealtimeEvents.ChatEnded, new RoomEndedEvent(e.Room.RoomId, e.Reason))],
        ChatEvent.AgentJoined e => [
            ToVisitor(e.Room, RealtimeEvents.AgentJoined, new AgentJoinedEvent(e.Room.RoomId, e.AgentName)),
            ToRoomAgents(e.Room, RealtimeEvents.AgentJoined, new AgentJoinedEvent(e.Room.RoomId, e.AgentName))],
        ChatEvent.Queued e => [ToDepartment(e.Department, RealtimeEvents.RoomWaiting, new RoomWaitingEvent(e.Room.RoomId, e.Department, e.VisitorName))],
        ChatEvent.Claimed e => [ToDepartment(e.Department, RealtimeEvents.RoomClaimed, new RoomClaimedEvent(e.Room.RoomId, e.Department, e.AgentId, e.AgentName))],
        // Both identities: tabs still connected as the anonymous visitor hear it as well as the user's devices.
        ChatEvent.LoggedOut e => e.UserId is null
            ? [new Delivery(RealtimeUsers.ForVisitor(e.VisitorId), null, RealtimeEvents.LogoutComplete, new LoggedOut(e.EndedRoomId))]
            : [new Delivery(RealtimeUsers.ForVisitor(e.VisitorId), null, RealtimeEvents.LogoutComplete, new LoggedOut(e.EndedRoomId)),
               new Delivery(RealtimeUsers.ForUser(e.UserId), null, RealtimeEvents.LogoutComplete, new LoggedOut(e.EndedRoomId))],
        _ => throw new ArgumentOutOfRangeException(nameof(chatEvent), chatEvent.GetType().Name, "An event without audiences."),
    };

    private static Delivery ToVisitor(Room room, string name, object payload) => new(room.RealtimeUserId, null, name, payload);

    private static Delivery ToRoomAgents(Room room, string name, object payload) => new(null, RealtimeGroups.Room(room.RoomId), name, payload);

    private static Delivery ToDepartment(string department, string name, object payload) => new(null, RealtimeGroups.Department(department), name, payload);
}

/// <summary>One send: to a realtime user or to a group, a hub method and its payload.</summary>
public sealed record Delivery(string? User, string? Group, string EventName, object Payload);
