using Azure.Storage.Blobs;
using Livechat.Azure.Tables;
using Microsoft.Extensions.Options;

namespace Livechat.Azure.Blobs;

/// <summary>The attachments' container, from the storage settings.</summary>
public sealed class AttachmentContainer(BlobServiceClient service, IOptions<StorageOptions> options)
{
    public BlobContainerClient Client { get; } = service.GetBlobContainerClient(options.Value.AttachmentsContainer);

    public BlobServiceClient Service => service;
}
