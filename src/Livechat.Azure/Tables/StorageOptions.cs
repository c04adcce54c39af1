using Azure.Core;
using Azure.Identity;
using System.ComponentModel.DataAnnotations;

namespace Livechat.Azure.Tables;

/// <summary>
/// Where the app's tables live: a connection string (Azurite locally) or, in Azure, the table endpoint reached
/// with the app's managed identity so that no account key is stored in settings.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public string? ConnectionString { get; set; }

    /// <summary>https://ACCOUNT.table.core.windows.net, used with managed identity.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>https://ACCOUNT.blob.core.windows.net, used with managed identity for the attachments (required with <see cref="TableServiceUri"/>).</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>The private blob container attachments live in, one folder a room.</summary>
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string AttachmentsContainer { get; set; } = "attachments";

    /// <summary>
    /// Comma-separated origins (or <c>*</c>) whose pages may upload to the blob service, set on the service at start-up
    /// when a connection string is used (Azurite); in Azure the Bicep sets them. Empty: the API's allowed origins.
    /// </summary>
    public string? BlobCorsOrigins { get; set; }

    /// <summary>Client id of the user-assigned identity; empty means the system identity or developer sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prefix of every table name, letters and digits only; lets tests and side-by-side deployments share an account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$|^$")]
    public string TablePrefix { get; set; } = "";

    /// <summary>The managed identity the service URIs are reached with.</summary>
    public TokenCredential ManagedIdentity() => string.IsNullOrEmpty(ClientId)
        ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) == (TableServiceUri is null))
            yield return new ValidationResult("Set exactly one of Storage:ConnectionString or Storage:TableServiceUri.",
                [nameof(ConnectionString), nameof(TableServiceUri)]);
        if (TableServiceUri is not null && BlobServiceUri is null)
            yield return new ValidationResult("Set Storage:BlobServiceUri with Storage:TableServiceUri: attachments live in blobs.", [nameof(BlobServiceUri)]);
    }
}
