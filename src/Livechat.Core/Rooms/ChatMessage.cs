namespace Livechat.Core.Rooms;

/// <summary>One line of a room's transcript, as stored and as the widget and agents see it.</summary>
public sealed record ChatMessage
{
    public required string Id { get; init; }
    public required string RoomId { get; init; }
    public required long Seq { get; init; }
    public required Sender Sender { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<ChatButton> Buttons { get; init; } = [];
    /// <summary>The recipe block that produced a bot message, or that a visitor's reply answers.</summary>
    public string? BlockId { get; init; }
    public string? ClientMessageId { get; init; }
    public string? ButtonId { get; init; }
    public string? AgentId { get; init; }
    /// <summary>A file sent with the message; its text may then be empty.</summary>
    public Attachments.ChatAttachment? Attachment { get; init; }
    public required DateTimeOffset SentAt { get; init; }
}
