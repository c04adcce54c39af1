namespace Livechat.Core.Rooms;

/// <summary>Input of <see cref="TransferRoomActivity"/>: hand the room to a department's agents (null: no department).</summary>
public sealed record TransferRoomRequest(string RoomId, string? Department);
