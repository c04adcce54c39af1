namespace Livechat.Infra.Tests;

/// <summary>
/// Dashboard sign-in with Microsoft Entra ID through App Service authentication: only with an app registration, never
/// in the way of the public widget and visitor API, and the app told to believe the principal header only then.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class EasyAuthTests(InfraFixture infra)
{
    private const string AuthSettingsType = "Microsoft.Web/sites/config";

    [Fact]
    public void CommittedParameters_NoAppRegistration_NoEasyAuth_AndTheAppIgnoresThePrincipalHeader()
    {
        var snapshot = infra.Flex;

        Assert.DoesNotContain(snapshot.OfType(AuthSettingsType), c => c.Str("name").EndsWith("/authsettingsV2", StringComparison.Ordinal));
        Assert.Equal("False", snapshot.AppSettings["Admin__EasyAuthEnabled"]);
    }

    [Fact]
    public void WithAnAppRegistration_EasyAuthSignsInWithEntraId_ButLetsAnonymousRequestsThrough()
    {
        var snapshot = infra.Windows;

        var auth = Assert.Single(snapshot.OfType(AuthSettingsType), c => c.Str("name") == $"{InfraFixture.WindowsFunctionAppName}/authsettingsV2");
        Assert.True(auth.Bool("properties.platform.enabled"));
        // The widget, visitor and agent routes stay public: the platform must not redirect or 401 anybody.
        Assert.False(auth.Bool("properties.globalValidation.requireAuthentication"));
        Assert.Equal("AllowAnonymous", auth.Str("properties.globalValidation.unauthenticatedClientAction"));
        Assert.True(auth.Bool("properties.httpSettings.requireHttps"));
        var aad = auth.At("properties.identityProviders.azureActiveDirectory");
        Assert.True(aad.Bool("enabled"));
        Assert.Equal(InfraFixture.EntraClientId, aad.Str("registration.clientId"));
        // The cloud's sign-in endpoint (environment(): known at deploy time only) and the deployment's tenant.
        Assert.Equal($"[format('{{0}}{{1}}/v2.0', environment().authentication.loginEndpoint, '{InfraFixture.TenantId}')]", aad.Str("registration.openIdIssuer"));
        Assert.Contains(InfraFixture.EntraClientId, aad.Strings("validation.allowedAudiences"));
        // No client secret to leak or rotate.
        Assert.False(aad.At("registration").TryGetProperty("clientSecretSettingName", out _));

        Assert.Equal("True", snapshot.AppSettings["Admin__EasyAuthEnabled"]);
        Assert.Equal(InfraFixture.EntraAdminRole, snapshot.AppSettings["Admin__EasyAuthRole"]);
    }
}
