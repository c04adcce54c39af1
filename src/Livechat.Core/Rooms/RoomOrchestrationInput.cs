namespace Livechat.Core.Rooms;

/// <summary>
/// Input of the room orchestration. <see cref="State"/> is null on the first generation; settings travel in the
/// input because an orchestrator must not read configuration or time itself.
/// </summary>
public sealed record RoomOrchestrationInput(string RoomId, TimeSpan InactivityTimeout, int TurnsPerGeneration, RoomFlowState? State = null);
