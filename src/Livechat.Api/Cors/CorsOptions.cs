using System.ComponentModel.DataAnnotations;

namespace Livechat.Api.Cors;

/// <summary>
/// The customer sites allowed to call the API from their pages. The Functions host adds no CORS headers (Core Tools'
/// <c>--cors</c> and App Service CORS are platform features), so the app answers for itself on every host.
/// </summary>
public sealed class CorsOptions : IValidatableObject
{
    /// <summary>
    /// Comma-separated origins, <c>scheme://host[:port]</c>; a port of <c>*</c> allows any port of that host
    /// (<c>http://localhost:*</c>). Empty allows no cross-origin page.
    /// </summary>
    public string AllowedOrigins { get; set; } = "";

    /// <summary>Adds <c>http://localhost:*</c> and <c>http://127.0.0.1:*</c>; set by the host in local development.</summary>
    public bool AllowLocalhost { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in CorsPolicy.Split(AllowedOrigins))
            if (!CorsPolicy.IsWellFormed(origin))
                yield return new ValidationResult(
                    $"'{origin}' is not an origin (scheme://host[:port], no path, no trailing slash).", [nameof(AllowedOrigins)]);
    }
}
