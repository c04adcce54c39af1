using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace Livechat.Azure.Blobs;

/// <summary>
/// Signs links to one blob. With an account key (Azurite's well-known one locally) the key signs; in Azure, where the
/// app holds no key, a user delegation key obtained with the managed identity does, so a leaked link is bounded by
/// that key's life as well as its own.
/// </summary>
public sealed class BlobLinkSigner(BlobServiceClient service, TimeProvider time)
{
    /// <summary>How long a delegation key is asked for; it is renewed once less than a day is left.</summary>
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(6);
    private static readonly TimeSpan KeyRenewal = TimeSpan.FromDays(1);
    /// <summary>Links start a little in the past: the storage service's clock may be behind ours.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<Uri> SignAsync(BlobClient blob, BlobSasPermissions permissions, DateTimeOffset expiresAt, Action<BlobSasBuilder>? configure,
        CancellationToken cancellationToken)
    {
        var builder = new BlobSasBuilder(permissions, expiresAt)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            StartsOn = time.GetUtcNow() - ClockSkew,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        configure?.Invoke(builder);
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(builder);
        var key = await DelegationKeyAsync(cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = builder.ToSasQueryParameters(key, service.AccountName) }.ToUri();
    }

    private async Task<UserDelegationKey> DelegationKeyAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_key is { } current && current.SignedExpiresOn - now > KeyRenewal) return current;
        await _renewing.WaitAsync(cancellationToken);
        try
        {
            if (_key is { } renewed && renewed.SignedExpiresOn - now > KeyRenewal) return renewed;
            _key = (await service.GetUserDelegationKeyAsync(now - ClockSkew, now + KeyLifetime, cancellationToken)).Value;
            return _key;
        }
        finally
        {
            _renewing.Release();
        }
    }
}
