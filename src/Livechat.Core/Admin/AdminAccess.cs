using Livechat.Core.Common;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Admin;

/// <summary>
/// The one admin check: the admin key, or a Microsoft Entra ID user App Service authentication signed in who holds
/// the configured app role or group. The principal header is believed only when <see cref="AdminOptions.EasyAuthEnabled"/>
/// says the platform writes it; otherwise it is ignored, so a forged one gets no further than no header at all.
/// </summary>
public sealed class AdminAccess(AdminKey key, IOptions<AdminOptions> options)
{
    /// <summary>Where App Service authentication signs a user in and sends them back to the dashboard.</summary>
    public const string EntraSignInPath = "/.auth/login/aad?post_login_redirect_uri=/dashboard/";

    public bool EntraSignIn => options.Value.EasyAuthEnabled;

    public Outcome<AdminCaller> Authenticate(string? presentedKey, string? principalHeader)
    {
        var settings = options.Value;
        if (settings.EasyAuthEnabled && AdminPrincipal.Parse(principalHeader) is { } principal)
        {
            if (principal.Holds(settings.EasyAuthRole)) return new AdminCaller("entra", principal.Name);
            // A key still works for a signed-in user without the role (a developer testing with both).
            if (key.Check(presentedKey) is null) return new AdminCaller("key", "admin key");
            return Problem.Forbidden($"You are signed in, but your account lacks the role or group {settings.EasyAuthRole} the dashboard requires.");
        }
        if (key.Check(presentedKey) is { } refused)
            return settings.EasyAuthEnabled
                ? Problem.Unauthorized($"Sign in with Microsoft or send the {AdminKey.HeaderName} header.")
                : refused;
        return new AdminCaller("key", "admin key");
    }
}
