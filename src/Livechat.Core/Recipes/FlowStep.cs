namespace Livechat.Core.Recipes;

/// <summary>
/// What the interpreter decided: messages to send, the block now waiting for the visitor (null: nothing waits),
/// and whether the recipe ended the chat.
/// </summary>
public sealed record FlowStep(IReadOnlyList<BotMessage> Messages, string? WaitingBlockId, bool Ended);
