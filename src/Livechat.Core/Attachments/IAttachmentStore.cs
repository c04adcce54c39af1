namespace Livechat.Core.Attachments;

/// <summary>
/// Where attachment files live (Blob Storage), each under its room (<c>{roomId}/…</c>) so a room's files go together.
/// Clients never read or write the store directly except through the short-lived links it signs.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>Keeps the declaration and returns a link that lets its holder write the one file, until <paramref name="expiresAt"/>.</summary>
    Task<Uri> CreateUploadAsync(DeclaredAttachment declared, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The declaration and what was uploaded; null when no declaration exists, a file of size 0 and no type when nothing was uploaded.</summary>
    Task<StoredFile?> InspectAsync(string roomId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>A link to read the file until <paramref name="expiresAt"/>, served with its name and type.</summary>
    Task<Uri> CreateDownloadAsync(string roomId, ChatAttachment attachment, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>Removes one attachment (a refused upload).</summary>
    Task DeleteAsync(string roomId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>Removes every file of a room (the room's erasure).</summary>
    Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken);
}
