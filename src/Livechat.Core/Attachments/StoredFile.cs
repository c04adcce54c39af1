namespace Livechat.Core.Attachments;

/// <summary>What storage holds for an attachment: the declaration made when the upload link was issued, and the file if one came.</summary>
/// <param name="Head">The file's first bytes (at most <see cref="ContentSniffer.HeadLength"/>).</param>
public sealed record StoredFile(DeclaredAttachment Declared, bool Uploaded, long Size, string? ContentType, ReadOnlyMemory<byte> Head);
