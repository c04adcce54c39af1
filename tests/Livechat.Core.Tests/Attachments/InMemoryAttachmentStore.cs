using Livechat.Core.Attachments;

namespace Livechat.Core.Tests.Attachments;

/// <summary>Attachments kept in a dictionary, links made up from their names: enough for handler tests.</summary>
public sealed class InMemoryAttachmentStore : IAttachmentStore
{
    public Dictionary<(string RoomId, string AttachmentId), StoredFile> Files { get; } = [];
    public List<(string RoomId, string AttachmentId)> Deleted { get; } = [];

    public Task<Uri> CreateUploadAsync(DeclaredAttachment declared, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        Files[(declared.RoomId, declared.AttachmentId)] = new StoredFile(declared, false, 0, null, ReadOnlyMemory<byte>.Empty);
        return Task.FromResult(new Uri($"https://blobs.test/{declared.RoomId}/{declared.AttachmentId}?sp=c&se={expiresAt:O}"));
    }

    /// <summary>What a client's PUT would leave.</summary>
    public void Upload(string roomId, string attachmentId, string contentType, byte[] content) =>
        Files[(roomId, attachmentId)] = Files[(roomId, attachmentId)] with { Uploaded = true, Size = content.Length, ContentType = contentType, Head = content };

    public Task<StoredFile?> InspectAsync(string roomId, string attachmentId, CancellationToken cancellationToken) =>
        Task.FromResult(Files.GetValueOrDefault((roomId, attachmentId)));

    public Task<Uri> CreateDownloadAsync(string roomId, ChatAttachment attachment, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        Task.FromResult(new Uri($"https://blobs.test/{roomId}/{attachment.Id}?sp=r&se={expiresAt:O}"));

    public Task DeleteAsync(string roomId, string attachmentId, CancellationToken cancellationToken)
    {
        Deleted.Add((roomId, attachmentId));
        Files.Remove((roomId, attachmentId));
        return Task.CompletedTask;
    }

    public Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        foreach (var key in Files.Keys.Where(k => k.RoomId == roomId).ToList()) Files.Remove(key);
        return Task.CompletedTask;
    }
}
