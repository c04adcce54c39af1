namespace Livechat.Core.Recipes;

/// <summary>
/// What the interpreter decided for one step: messages to send and values to store, then what happens next:
/// wait for the visitor at <see cref="WaitingBlockId"/>, call the webhook of <see cref="WebhookBlockId"/>, hand the
/// room to <see cref="TransferDepartment"/>, end, or (none of these) idle.
/// </summary>
public sealed record FlowStep(IReadOnlyList<BotMessage> Messages, string? WaitingBlockId, bool Ended)
{
    public IReadOnlyList<FlowSave> Saves { get; init; } = [];
    public FlowVariables Variables { get; init; } = FlowVariables.Empty;
    public string? WebhookBlockId { get; init; }
    public string? TransferDepartment { get; init; }
    public bool Transferred { get; init; }

    /// <summary>Whether the step has anything to deliver: messages, values to store, or the end of the room.</summary>
    public bool HasTurn() => Messages.Count > 0 || Saves.Count > 0 || Ended;
}
