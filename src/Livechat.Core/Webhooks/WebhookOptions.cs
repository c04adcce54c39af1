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

    /// <summary>
    /// Lets webhooks reach plain http and loopback, private, link-local and metadata addresses. Off: a recipe could
    /// otherwise make the app call into its own network (169.254.169.254, 10.0.0.0/8) and read the branch taken as an
    /// answer. On in local development, where the receiver is on localhost; logged as a warning at start-up.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
