using Livechat.Core.Recipes;

namespace Livechat.Core.Rooms;

/// <summary>
/// One turn's output for <see cref="SendBotMessagesActivity"/>: values to store, messages to store and send, and
/// the reason to end the room when the turn ends it. <see cref="Turn"/> makes the activity idempotent on retry.
/// </summary>
public sealed record BotTurn(string RoomId, int Turn, IReadOnlyList<BotMessage> Messages, string? EndReason = null)
{
    public IReadOnlyList<FlowSave> Saves { get; init; } = [];

    /// <summary>The room as last known (see <see cref="VisitorInput.Room"/>); null: the activity reads it.</summary>
    public Room? Room { get; init; }

    /// <summary>The turn that delivers a recipe step: its messages and saves, and the recipe's end when it ended.</summary>
    public static BotTurn Of(string roomId, int turn, FlowStep step) =>
        new(roomId, turn, step.Messages, step.Ended ? EndReasons.RecipeEnded : null) { Saves = step.Saves };
}

/// <summary>
/// The room's status after the turn (the orchestration stops when it has ended) and the sequence numbers the bot's
/// messages got, so the orchestration can tell its own messages from a visitor message it has not seen.
/// </summary>
public sealed record BotTurnResult(RoomStatus Status, IReadOnlyList<long>? Seqs = null);
