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

    /// <summary>Client id of the user-assigned identity; empty means the system identity or developer sign-in.</summary>
    public string? ClientId { get; set; }

    /// <summary>Prefix of every table name, letters and digits only; lets tests and side-by-side deployments share an account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$|^$")]
    public string TablePrefix { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) == (TableServiceUri is null))
            yield return new ValidationResult("Set exactly one of Storage:ConnectionString or Storage:TableServiceUri.",
                [nameof(ConnectionString), nameof(TableServiceUri)]);
    }
}
