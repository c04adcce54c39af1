namespace Livechat.Core.Realtime;

/// <summary>Hub method names the widget and agent console listen to. Payloads are documented in the README.</summary>
public static class RealtimeEvents
{
    /// <summary>Payload <c>{roomId}</c>.</summary>
    public const string ChatStarted = "chatStarted";
    /// <summary>Payload <c>{roomId, reason}</c>.</summary>
    public const string ChatEnded = "chatEnded";
    /// <summary>Payload: a ChatMessage.</summary>
    public const string Message = "message";
    /// <summary>Payload <c>{}</c>.</summary>
    public const string LogoutComplete = "logoutComplete";
    /// <summary>Payload <c>{roomId, agentName}</c>.</summary>
    public const string AgentJoined = "agentJoined";
    /// <summary>The other side of a room with an agent is typing: payload <c>{roomId, sender}</c>, sender "visitor" or "agent".</summary>
    public const string Typing = "typing";
    /// <summary>To a department's agents: payload <c>{roomId, department, visitorName?}</c>.</summary>
    public const string RoomWaiting = "roomWaiting";
    /// <summary>To a department's agents, so their queues drop the room: payload <c>{roomId, department, agentId, agentName}</c>.</summary>
    public const string RoomClaimed = "roomClaimed";
    /// <summary>The other side has seen the room up to a message: payload <c>{roomId, reader, seq}</c>, reader "visitor" or "agent".</summary>
    public const string Read = "read";
    /// <summary>To the room's agents only: an internal note, payload <c>{id, roomId, afterSeq, agentId, agentName, text, clientNoteId, sentAt}</c>.</summary>
    public const string Note = "note";
    /// <summary>To a waiting room's visitor: payload <c>{roomId, position, estimatedWaitSeconds}</c>, position 1 = next.</summary>
    public const string QueuePosition = "queuePosition";
}

public sealed record RoomEvent(string RoomId);

public sealed record RoomEndedEvent(string RoomId, string Reason);

public sealed record TypingEvent(string RoomId, string Sender);

public sealed record ReadEvent(string RoomId, string Reader, long Seq);
