using System.Text.Json.Serialization;

namespace Livechat.Core.Attachments;

/// <summary>
/// A file carried by a message. <see cref="Url"/> is never stored: it is a short-lived read link issued each time the
/// message is read or sent out (see <see cref="AttachmentLinks"/>).
/// </summary>
public sealed record ChatAttachment(string Id, string Name, string ContentType, long Size)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Uri? Url { get; init; }
}
