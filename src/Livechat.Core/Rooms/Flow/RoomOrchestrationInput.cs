namespace Livechat.Core.Rooms;

/// <summary>
/// Input of the room orchestration. <see cref="State"/> is null on the first generation; settings travel in the
/// input because an orchestrator must not read configuration or time itself.
/// </summary>
public sealed record RoomOrchestrationInput(string RoomId, int TurnsPerGeneration, RoomFlowState? State = null)
{
    /// <summary>Attempts at a webhook call before its failure path is taken.</summary>
    public int WebhookAttempts { get; init; } = 4;

    /// <summary>Wait before the first webhook retry; doubled for each further one.</summary>
    public TimeSpan WebhookFirstRetry { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The greeting was delivered when the room opened (<see cref="Room.DeferredFlow"/>): the flow resumes after it.</summary>
    public bool Deferred { get; init; }

    /// <summary>The first generation's input for a room, with the deployment's settings.</summary>
    public static RoomOrchestrationInput For(string roomId, RoomOptions options, bool deferred) =>
        new(roomId, options.TurnsPerGeneration)
        {
            WebhookAttempts = options.WebhookAttempts,
            WebhookFirstRetry = options.WebhookFirstRetry,
            Deferred = deferred,
        };
}
