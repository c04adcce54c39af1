namespace Livechat.Core.Attachments;

/// <summary>A client's wish to upload one file: what it says the file is. The server checks the stored file against it.</summary>
public sealed record AttachmentRequest(string? Name, string? ContentType, long? Size);
