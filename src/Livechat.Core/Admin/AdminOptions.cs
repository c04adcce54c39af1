using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Admin;

/// <summary>Settings of the admin (operator) API: its key, which also signs agent tokens, and who else may call it.</summary>
public sealed class AdminOptions : IValidatableObject
{
    /// <summary>
    /// The <c>x-admin-key</c> every admin call carries; at least 32 characters. Agent tokens are signed with a key
    /// derived from it, so rotating it also signs every agent out.
    /// </summary>
    [Required, MinLength(32)]
    public string ApiKey { get; set; } = "";

    /// <summary>How long an agent token stays valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AgentTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long an agent invitation link can be redeemed.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// True only when App Service authentication (Easy Auth) runs in front of the app: then, and only then, the
    /// <c>X-MS-CLIENT-PRINCIPAL</c> header is the platform's word (it strips the header from clients' requests);
    /// without Easy Auth anybody could send it.
    /// </summary>
    public bool EasyAuthEnabled { get; set; }

    /// <summary>The app role or group (object id) a signed-in principal must hold to use the admin API.</summary>
    [MaxLength(200)]
    public string EasyAuthRole { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EasyAuthEnabled && string.IsNullOrWhiteSpace(EasyAuthRole))
            yield return new ValidationResult("Admin:EasyAuthRole is required when Admin:EasyAuthEnabled is true: the app role or group that may use the admin API.",
                [nameof(EasyAuthRole)]);
    }
}
