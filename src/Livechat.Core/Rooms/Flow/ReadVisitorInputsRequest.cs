namespace Livechat.Core.Rooms;

/// <summary>Asks for the visitor messages of a room after a sequence number.</summary>
public sealed record ReadVisitorInputsRequest(string RoomId, long AfterSeq);
