namespace Livechat.Core.Users;

/// <summary>Identity verification for setUserId.</summary>
public sealed class IdentityOptions
{
    /// <summary>
    /// When set, setUserId must carry hex(HMAC-SHA256(secret, userId)), computed by the customer's server, so a
    /// visitor cannot claim somebody else's id. Empty: ids are trusted as given.
    /// </summary>
    public string? UserIdSecret { get; set; }
}
