namespace Livechat.Benchmark;

/// <summary>A visitor's open room: its session token, its realtime connection and the room.</summary>
internal sealed record VisitorRoom(int Index, string Token, EventInbox Inbox, string RoomId);
