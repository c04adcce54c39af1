using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Sessions;

/// <summary>Settings for visitor session tokens.</summary>
public sealed class SessionOptions : IValidatableObject
{
    /// <summary>HMAC key that signs session tokens; at least 32 characters. Rotate it to log every visitor out.</summary>
    [Required, MinLength(32)]
    public string SigningKey { get; set; } = "";

    /// <summary>How long a token stays valid; the widget creates a new session after that.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long after it was made a session is deleted; at least the token lifetime (a live token keeps its session).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(31);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Retention < TokenLifetime)
            yield return new ValidationResult("Sessions:Retention must be at least Sessions:TokenLifetime: a session must outlive its token.", [nameof(Retention)]);
    }
}
