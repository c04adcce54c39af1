namespace Livechat.Core.Rooms;

/// <summary>
/// A room greeted while it opened: where its flow resumes once the visitor writes, the block the greeting left
/// waiting (null when the recipe idles after it; the greeting was turn <see cref="StartRoomActivity.FirstTurn"/>),
/// and whether the visitor's first message has started the orchestration.
/// </summary>
public sealed record DeferredFlow(string? WaitingBlockId, bool Started = false);
