using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Users;

/// <summary>Identity verification for setUserId.</summary>
public sealed class IdentityOptions : IValidatableObject
{
    /// <summary>
    /// setUserId must carry hex(HMAC-SHA256(secret, userId)), computed by the customer's server, so a visitor cannot
    /// claim somebody else's id (and read that user's open chat). Required unless <see cref="AllowUnverifiedUserIds"/>.
    /// </summary>
    public string? UserIdSecret { get; set; }

    /// <summary>
    /// Trusts the spec's one-argument setUserId(id) as given, with no proof: any visitor may then claim any user id.
    /// On in local development; elsewhere an explicit opt-out, logged as a warning at start-up.
    /// </summary>
    public bool AllowUnverifiedUserIds { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(UserIdSecret) && !AllowUnverifiedUserIds)
            yield return new ValidationResult(
                "Identity:UserIdSecret is required (at least 32 characters): without it any visitor could claim any user id. " +
                "Set Identity:AllowUnverifiedUserIds to true to trust ids as given.", [nameof(UserIdSecret)]);
        if (!string.IsNullOrEmpty(UserIdSecret) && UserIdSecret.Length < 32)
            yield return new ValidationResult("Identity:UserIdSecret must have at least 32 characters.", [nameof(UserIdSecret)]);
    }
}
