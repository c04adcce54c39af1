namespace Livechat.Core.Attachments;

/// <summary>
/// Where the client puts its file: a PUT of the bytes to <see cref="UploadUrl"/> with the headers named, before
/// <see cref="ExpiresAt"/>; then a message with <see cref="AttachmentId"/>.
/// </summary>
public sealed record AttachmentUpload(string AttachmentId, Uri UploadUrl, DateTimeOffset ExpiresAt, IReadOnlyDictionary<string, string> Headers);
