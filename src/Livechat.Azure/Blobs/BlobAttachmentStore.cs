using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Livechat.Core.Attachments;
using Livechat.Core.Common;

namespace Livechat.Azure.Blobs;

/// <summary>
/// Attachments in a private blob container: <c>{roomId}/{attachmentId}/file</c> holds the bytes the client uploads
/// through a create-only link, <c>{roomId}/{attachmentId}/declared.json</c> what it declared (written by the server,
/// out of the link's reach). A room's files are everything under <c>{roomId}/</c>.
/// </summary>
public sealed class BlobAttachmentStore(AttachmentContainer container, BlobLinkSigner signer) : IAttachmentStore
{
    private const string FileName = "file";
    private const string DeclarationName = "declared.json";

    public async Task<Uri> CreateUploadAsync(DeclaredAttachment declared, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var declaration = container.Client.GetBlobClient(BlobName(declared.RoomId, declared.AttachmentId, DeclarationName));
        await declaration.UploadAsync(BinaryData.FromObjectAsJson(declared, LivechatJson.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
        // Create only: the file can be written once, so a verified attachment cannot be swapped afterwards.
        return await signer.SignAsync(container.Client.GetBlobClient(BlobName(declared.RoomId, declared.AttachmentId, FileName)),
            BlobSasPermissions.Create, expiresAt, configure: null, cancellationToken);
    }

    public async Task<StoredFile?> InspectAsync(string roomId, string attachmentId, CancellationToken cancellationToken)
    {
        DeclaredAttachment? declared;
        try
        {
            var content = await container.Client.GetBlobClient(BlobName(roomId, attachmentId, DeclarationName)).DownloadContentAsync(cancellationToken);
            declared = content.Value.Content.ToObjectFromJson<DeclaredAttachment>(LivechatJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        // The declaration names its room: a file declared elsewhere is not this room's, whatever its path.
        if (declared is null || declared.RoomId != roomId || declared.AttachmentId != attachmentId) return null;

        var file = container.Client.GetBlobClient(BlobName(roomId, attachmentId, FileName));
        BlobProperties properties;
        try
        {
            properties = (await file.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new StoredFile(declared, Uploaded: false, 0, null, ReadOnlyMemory<byte>.Empty);
        }
        var head = properties.ContentLength == 0 ? ReadOnlyMemory<byte>.Empty : await ReadHeadAsync(file, cancellationToken);
        return new StoredFile(declared, Uploaded: true, properties.ContentLength, properties.ContentType, head);
    }

    public Task<Uri> CreateDownloadAsync(string roomId, ChatAttachment attachment, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        signer.SignAsync(container.Client.GetBlobClient(BlobName(roomId, attachment.Id, FileName)), BlobSasPermissions.Read, expiresAt, sas =>
        {
            // Served with the type that was checked, and anything but an image as a download named as it was sent.
            sas.ContentType = attachment.ContentType;
            var disposition = attachment.ContentType.StartsWith("image/", StringComparison.Ordinal) ? "inline" : "attachment";
            sas.ContentDisposition = $"{disposition}; filename*=UTF-8''{Uri.EscapeDataString(attachment.Name)}";
        }, cancellationToken);

    public async Task DeleteAsync(string roomId, string attachmentId, CancellationToken cancellationToken)
    {
        await container.Client.GetBlobClient(BlobName(roomId, attachmentId, FileName)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        await container.Client.GetBlobClient(BlobName(roomId, attachmentId, DeclarationName)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public async Task DeleteRoomAsync(string roomId, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(roomId)) throw new ArgumentException("Not a room id.", nameof(roomId));
        await foreach (var blob in container.Client.GetBlobsAsync(new GetBlobsOptions { Prefix = roomId + "/" }, cancellationToken))
            await container.Client.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    private static string BlobName(string roomId, string attachmentId, string part) => $"{roomId}/{attachmentId}/{part}";

    private static async Task<ReadOnlyMemory<byte>> ReadHeadAsync(BlobClient file, CancellationToken cancellationToken)
    {
        var download = await file.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(0, ContentSniffer.HeadLength) }, cancellationToken);
        await using var stream = download.Value.Content;
        var buffer = new byte[ContentSniffer.HeadLength];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0) filled += read;
        return buffer.AsMemory(0, filled);
    }
}
