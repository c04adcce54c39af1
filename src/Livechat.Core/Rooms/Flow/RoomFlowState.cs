using Livechat.Core.Recipes;

namespace Livechat.Core.Rooms;

/// <summary>
/// What a room orchestration carries across ContinueAsNew: the pinned recipe, what it knows about the visitor,
/// the block waiting for the visitor, the transcript position up to which every visitor message was handled
/// (<see cref="Cursor"/>) and the turn counter used for idempotency keys.
/// </summary>
public sealed record RoomFlowState(Recipe Recipe, string? WaitingBlockId, long Cursor, int Turn)
{
    public FlowVariables Variables { get; init; } = FlowVariables.Empty;
}
