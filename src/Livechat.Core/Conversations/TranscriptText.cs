using System.Globalization;
using System.Text;
using Livechat.Core.Rooms;

namespace Livechat.Core.Conversations;

/// <summary>A transcript as plain text, a line a message with its UTC time and sender: for a ticket or an e-mail.</summary>
public static class TranscriptText
{
    public static string Render(ConversationTranscript t)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Conversation {t.RoomId}, started {Time(t.StartedAt)}");
        if (t.EndedAt is { } ended) text.Append(CultureInfo.InvariantCulture, $", ended {Time(ended)} ({t.EndReason})");
        text.Append('\n');
        if (t.Department is not null) text.Append(CultureInfo.InvariantCulture, $"Department: {t.Department}\n");
        text.Append('\n');
        foreach (var m in t.Messages)
        {
            var who = m.Sender switch
            {
                Sender.Visitor => t.VisitorName ?? "Visitor",
                Sender.Agent => "Agent" + (m.AgentId is null ? "" : $" ({m.AgentId})"),
                _ => m.Sender.ToString(),
            };
            // One line a message: a line break inside one would read as a message of its own.
            var body = m.Text.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " / ", StringComparison.Ordinal);
            if (m.Attachment is { } a) body = (body.Length == 0 ? "" : body + " ") + $"[file: {a.Name}]";
            text.Append(CultureInfo.InvariantCulture, $"[{Time(m.SentAt)}] {who}: {body}\n");
        }
        if (t.Truncated) text.Append("[… the transcript goes on; only its first messages are here]\n");
        return text.ToString();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
