namespace Livechat.Core.Rooms;

/// <summary>A visitor's reply as the orchestration sees it: its transcript sequence number and content.</summary>
public sealed record VisitorInput(long Seq, string? Text, string? ButtonId)
{
    /// <summary>
    /// The room as the visitor's message left it, when the message came with its signal: the first guess for the
    /// bot's answer's append (checked by its ETag, so a stale guess costs a read, never a wrong write).
    /// </summary>
    public Room? Room { get; init; }

    /// <summary>A file sent without words reaches the bot as its name, so a question the bot asked still gets an answer.</summary>
    public static VisitorInput Of(ChatMessage message, Room? room = null) =>
        new(message.Seq, message.Text.Length == 0 && message.Attachment is { } file ? file.Name : message.Text, message.ButtonId) { Room = room };
}
