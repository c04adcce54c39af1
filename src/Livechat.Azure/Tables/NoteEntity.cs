using Azure;
using Azure.Data.Tables;
using Livechat.Core.Notes;

namespace Livechat.Azure.Tables;

/// <summary>
/// An internal note, in the room's partition of the Rooms table beside the transcript but never in its "msg-" key
/// range: RK "note-{agentId}-{clientNoteId}", so a retried note meets its own row (see
/// docs/decisions/0009-notes-beside-the-transcript.md).
/// </summary>
internal sealed class NoteEntity : ITableEntity
{
    public const string Prefix = "note-";
    /// <summary>The first key after every note key: '.' sorts right after '-'.</summary>
    public const string End = "note.";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = "";
    public long AfterSeq { get; set; }
    public string AgentId { get; set; } = "";
    public string AgentName { get; set; } = "";
    public string Text { get; set; } = "";
    public string ClientNoteId { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }

    public static string KeyOf(string agentId, string clientNoteId) => $"{Prefix}{agentId}-{clientNoteId}";

    public static NoteEntity From(RoomNote n) => new()
    {
        PartitionKey = n.RoomId,
        RowKey = KeyOf(n.AgentId, n.ClientNoteId),
        Id = n.Id,
        AfterSeq = n.AfterSeq,
        AgentId = n.AgentId,
        AgentName = n.AgentName,
        Text = n.Text,
        ClientNoteId = n.ClientNoteId,
        SentAt = n.SentAt,
    };

    public RoomNote ToNote() => new(Id, PartitionKey, AfterSeq, AgentId, AgentName, Text, ClientNoteId, SentAt);
}
