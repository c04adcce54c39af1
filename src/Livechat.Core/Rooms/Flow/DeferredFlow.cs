namespace Livechat.Core.Rooms;

/// <summary>
/// Where a greeted room's flow resumes once the visitor writes: the block the greeting left waiting (null when the
/// recipe idles after it). The greeting was turn <see cref="StartRoomActivity.FirstTurn"/>.
/// </summary>
public sealed record DeferredFlow(string? WaitingBlockId);
