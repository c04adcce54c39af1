namespace Livechat.Core.Offline;

/// <summary>The answer to the offline form: the room that keeps the message, now ended and marked <see cref="OfflineState.Left"/>.</summary>
public sealed record OfflineMessageLeft(string RoomId, string Department, OfflineState Offline);
