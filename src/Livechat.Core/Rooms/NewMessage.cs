namespace Livechat.Core.Rooms;

/// <summary>
/// A message to append to a transcript. <paramref name="IdempotencyKey"/> makes the append exactly-once: a second
/// append with the same key returns the first message instead of writing another.
/// </summary>
public sealed record NewMessage(
    Sender Sender,
    string Text,
    string IdempotencyKey,
    IReadOnlyList<ChatButton>? Buttons = null,
    string? BlockId = null,
    string? ClientMessageId = null,
    string? ButtonId = null,
    string? AgentId = null,
    Attachments.ChatAttachment? Attachment = null);
