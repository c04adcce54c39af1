using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Admin;

/// <summary>Settings of the admin (operator) API: its key, which also signs agent tokens.</summary>
public sealed class AdminOptions
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
}
