using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Livechat.Azure.Blobs;
using Livechat.Azure.Tests.Support;
using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;

namespace Livechat.Azure.Tests.Blobs;

/// <summary>Upload links, the check before a message carries a file, read links and a room's erasure, on Azurite's blob service.</summary>
public sealed class BlobAttachmentStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly string _roomId = Ids.New("r");
    private readonly HttpClient _http = new();
    private ServiceProvider _services = null!;
    private IAttachmentStore _store = null!;
    private AttachmentVerifier _verifier = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services(new Dictionary<string, string?>
        {
            ["Storage:AttachmentsContainer"] = Azurite.UniqueName("att"),
        }));
        await _services.GetRequiredService<AttachmentContainer>().Client.CreateIfNotExistsAsync(cancellationToken: None);
        _store = _services.GetRequiredService<IAttachmentStore>();
        _verifier = _services.GetRequiredService<AttachmentVerifier>();
    }

    public async Task DisposeAsync()
    {
        await _services.GetRequiredService<AttachmentContainer>().Client.DeleteIfExistsAsync(cancellationToken: None);
        await _services.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task UploadThroughTheLink_ThenVerify_ReturnsTheAttachmentAndAReadLinkServesIt()
    {
        var declared = Declare("cat.png", "image/png", Png.Length);
        var upload = await _store.CreateUploadAsync(declared, DateTimeOffset.UtcNow.AddMinutes(5), None);

        Assert.Equal(HttpStatusCode.Created, await PutAsync(upload, "image/png", Png));
        var verified = await _verifier.VerifyAsync(_roomId, declared.AttachmentId, None);

        Assert.True(verified.IsSuccess, verified.Problem?.Detail);
        Assert.Equal(new ChatAttachment(declared.AttachmentId, "cat.png", "image/png", Png.Length), verified.Value);
        var link = await _store.CreateDownloadAsync(_roomId, verified.Value!, DateTimeOffset.UtcNow.AddMinutes(5), None);
        using var read = await _http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(Png, await read.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", read.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UploadLink_CannotReadListOrWriteAnotherBlob()
    {
        var declared = Declare("cat.png", "image/png", Png.Length);
        var upload = await _store.CreateUploadAsync(declared, DateTimeOffset.UtcNow.AddMinutes(5), None);
        await PutAsync(upload, "image/png", Png);

        using var read = await _http.GetAsync(upload);
        var other = new UriBuilder(upload) { Path = upload.AbsolutePath.Replace("/file", "/declared.json", StringComparison.Ordinal) }.Uri;

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, await PutAsync(other, "application/json", "{}"u8.ToArray()));
    }

    [Fact]
    public async Task ReadLink_WithoutItsSignature_IsRefused()
    {
        var declared = Declare("cat.png", "image/png", Png.Length);
        await PutAsync(await _store.CreateUploadAsync(declared, DateTimeOffset.UtcNow.AddMinutes(5), None), "image/png", Png);

        var link = await _store.CreateDownloadAsync(_roomId, new ChatAttachment(declared.AttachmentId, "cat.png", "image/png", Png.Length), DateTimeOffset.UtcNow.AddMinutes(5), None);
        using var bare = await _http.GetAsync(new UriBuilder(link) { Query = "" }.Uri);

        Assert.NotEqual(HttpStatusCode.OK, bare.StatusCode);
    }

    [Fact]
    public async Task Verify_UploadLargerThanDeclared_IsRefusedNamingSizeAndTheFileIsDeleted()
    {
        var declared = Declare("cat.png", "image/png", Png.Length);
        var upload = await _store.CreateUploadAsync(declared, DateTimeOffset.UtcNow.AddMinutes(5), None);
        await PutAsync(upload, "image/png", [.. Png, .. new byte[100]]);

        var verified = await _verifier.VerifyAsync(_roomId, declared.AttachmentId, None);

        Assert.Equal(["size"], verified.Problem?.Errors?.Keys);
        Assert.False((await _store.InspectAsync(_roomId, declared.AttachmentId, None))?.Uploaded ?? false);
    }

    [Fact]
    public async Task Verify_UploadOfAnotherType_IsRefusedNamingContentType()
    {
        var declared = Declare("cat.png", "image/png", 20);
        var upload = await _store.CreateUploadAsync(declared, DateTimeOffset.UtcNow.AddMinutes(5), None);
        await PutAsync(upload, "text/html", "<script>alert(1)</script>"u8.ToArray()[..20]);

        var verified = await _verifier.VerifyAsync(_roomId, declared.AttachmentId, None);

        Assert.Equal(["contentType"], verified.Problem?.Errors?.Keys);
    }

    [Fact]
    public async Task Verify_NothingUploadedOrAnotherRoomsAttachment_IsRefusedNamingAttachmentId()
    {
        var declared = Declare("cat.png", "image/png", Png.Length);
        await _store.CreateUploadAsync(declared, DateTimeOffset.UtcNow.AddMinutes(5), None);

        Assert.Equal(["attachmentId"], (await _verifier.VerifyAsync(_roomId, declared.AttachmentId, None)).Problem?.Errors?.Keys);
        Assert.Equal(["attachmentId"], (await _verifier.VerifyAsync(Ids.New("r"), declared.AttachmentId, None)).Problem?.Errors?.Keys);
    }

    [Fact]
    public async Task DeleteRoomAsync_RemovesEveryFileOfTheRoomAndNoOther()
    {
        var mine = Declare("cat.png", "image/png", Png.Length);
        var otherRoom = new DeclaredAttachment(Ids.New("r"), Ids.New("a"), "dog.png", "image/png", Png.Length);
        await PutAsync(await _store.CreateUploadAsync(mine, DateTimeOffset.UtcNow.AddMinutes(5), None), "image/png", Png);
        await PutAsync(await _store.CreateUploadAsync(otherRoom, DateTimeOffset.UtcNow.AddMinutes(5), None), "image/png", Png);

        await _store.DeleteRoomAsync(_roomId, None);

        var container = _services.GetRequiredService<AttachmentContainer>().Client;
        Assert.Empty(await Names(container, _roomId + "/"));
        Assert.Equal(2, (await Names(container, otherRoom.RoomId + "/")).Count);
    }

    private DeclaredAttachment Declare(string name, string contentType, long size) => new(_roomId, Ids.New("a"), name, contentType, size);

    private async Task<HttpStatusCode> PutAsync(Uri link, string contentType, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, link) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<List<string>> Names(BlobContainerClient container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix })) names.Add(blob.Name);
        return names;
    }
}
