using Livechat.Core.Rooms;

namespace Livechat.Core.Conversations;

/// <summary>One row of the conversations list, as the room is now.</summary>
public sealed record ConversationSummary(
    string RoomId,
    RoomStatus Status,
    string? Department,
    string? UserId,
    string? VisitorName,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? AgentId,
    long MessageCount,
    MessagePreview? LastMessage)
{
    /// <summary>Set when the room met the offline form: offered, or a message left (see <see cref="Rooms.Room.Offline"/>).</summary>
    public Offline.OfflineState? Offline { get; init; }
    /// <summary>The name and e-mail left on the offline form.</summary>
    public Offline.VisitorContact? Contact { get; init; }
    /// <summary>The visitor's rating of the chat.</summary>
    public Csat.CsatAnswer? Csat { get; init; }
}

/// <summary>The start of a room's last message, so a list shows where a chat stands.</summary>
public sealed record MessagePreview(Sender Sender, string Text, DateTimeOffset SentAt)
{
    public const int MaxLength = 140;

    public static MessagePreview Of(ChatMessage message) =>
        new(message.Sender, message.Text.Length <= MaxLength ? message.Text : message.Text[..(MaxLength - 1)] + "…", message.SentAt);
}

/// <summary>
/// A page of the list, newest first. <see cref="ContinuationToken"/> is null on the last page; a page may hold fewer
/// rows than asked for (a text search stops after a bounded number of transcripts) and still have a next one.
/// </summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Conversations, string? ContinuationToken);
