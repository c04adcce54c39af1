using Azure;
using Azure.Data.Tables;
using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using System.Text.Json;

namespace Livechat.Azure.Tables;

/// <summary>A transcript row: PK = room id, RK = "msg-" + zero-padded sequence, so a range query reads in order.</summary>
internal sealed class MessageEntity : ITableEntity
{
    public const string Prefix = "msg-";
    /// <summary>The first key after every message key: '.' sorts right after '-'.</summary>
    public const string End = "msg.";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Id { get; set; } = "";
    public long Seq { get; set; }
    public string Sender { get; set; } = "";
    public string Text { get; set; } = "";
    public string? ButtonsJson { get; set; }
    public string? BlockId { get; set; }
    public string? ClientMessageId { get; set; }
    public string? ButtonId { get; set; }
    public string? AgentId { get; set; }
    /// <summary>The attachment's id, name, type and size; never its link, which is signed on each read.</summary>
    public string? AttachmentJson { get; set; }
    public DateTimeOffset SentAt { get; set; }

    public static string KeyOf(long seq) => $"{Prefix}{seq:D12}";

    public static MessageEntity From(ChatMessage m) => new()
    {
        PartitionKey = m.RoomId,
        RowKey = KeyOf(m.Seq),
        Id = m.Id,
        Seq = m.Seq,
        Sender = m.Sender.ToString(),
        Text = m.Text,
        ButtonsJson = m.Buttons.Count == 0 ? null : JsonSerializer.Serialize(m.Buttons, LivechatJson.Options),
        BlockId = m.BlockId,
        ClientMessageId = m.ClientMessageId,
        ButtonId = m.ButtonId,
        AgentId = m.AgentId,
        AttachmentJson = m.Attachment is null ? null : JsonSerializer.Serialize(m.Attachment with { Url = null }, LivechatJson.Options),
        SentAt = m.SentAt,
    };

    public ChatMessage ToMessage() => new()
    {
        Id = Id,
        RoomId = PartitionKey,
        Seq = Seq,
        Sender = Enum.Parse<Sender>(Sender),
        Text = Text,
        Buttons = ButtonsJson is null ? [] : JsonSerializer.Deserialize<List<ChatButton>>(ButtonsJson, LivechatJson.Options) ?? [],
        BlockId = BlockId,
        ClientMessageId = ClientMessageId,
        ButtonId = ButtonId,
        AgentId = AgentId,
        Attachment = AttachmentJson is null ? null : JsonSerializer.Deserialize<ChatAttachment>(AttachmentJson, LivechatJson.Options),
        SentAt = SentAt,
    };
}
