using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Webhooks;

/// <summary>Settings of recipe webhook calls.</summary>
public sealed class WebhookOptions
{
    /// <summary>HMAC key that signs every webhook body; the customer's receiver verifies with it.</summary>
    [Required, MinLength(32)]
    public string SigningSecret { get; set; } = "";

    /// <summary>How long one attempt may take before it counts as failed (and is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
