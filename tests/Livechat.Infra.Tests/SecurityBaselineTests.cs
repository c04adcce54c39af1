namespace Livechat.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class SecurityBaselineTests(InfraFixture infra)
{
    [Theory]
    [ClassData(typeof(Plans))]
    public void Site_AnyPlan_IsHttpsOnlyWithTls12AndNoFtp(string plan)
    {
        var site = infra.SnapshotFor(plan).Site;

        Assert.True(site.Bool("properties.httpsOnly"));
        Assert.Equal("1.2", site.Str("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", site.Str("properties.siteConfig.scmMinTlsVersion"));
        Assert.Equal("Disabled", site.Str("properties.siteConfig.ftpsState"));
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void BasicPublishingCredentials_AnyPlan_FtpAndScmAreOff(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var siteName = snapshot.Site.Str("name");

        var policies = snapshot.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(p => p.Str("name"), p => p.Bool("properties.allow"));

        Assert.Equal(2, policies.Count);
        Assert.False(policies[$"{siteName}/ftp"]);
        Assert.False(policies[$"{siteName}/scm"]);
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void Site_AnyPlan_RunsAsTheUserAssignedIdentityOnly(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var identity = snapshot.Site.At("identity");

        Assert.Equal("UserAssigned", identity.Str("type"));
        var assigned = Assert.Single(identity.At("userAssignedIdentities").EnumerateObject());
        Assert.Equal(snapshot.Identity.Str("id"), assigned.Name);
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void Storage_AnyPlan_IsPrivateHttpsOnlyTls12(string plan)
    {
        var storage = infra.SnapshotFor(plan).StorageAccount;

        Assert.Equal("StorageV2", storage.Str("kind"));
        Assert.Equal("Standard_LRS", storage.Str("sku.name"));
        Assert.Equal("TLS1_2", storage.Str("properties.minimumTlsVersion"));
        Assert.False(storage.Bool("properties.allowBlobPublicAccess"));
        Assert.True(storage.Bool("properties.supportsHttpsTrafficOnly"));
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void Storage_AnyPlan_HasTheAppTables(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var prefix = $"{snapshot.StorageAccount.Str("name")}/default/";

        var tables = snapshot.OfType("Microsoft.Storage/storageAccounts/tableServices/tables")
            .Select(t => t.Str("name"))
            .ToList();

        // Every table the app uses (the names LivechatTables declares), and no other.
        var used = typeof(Livechat.Azure.Tables.LivechatTables).GetFields()
            .Where(f => f.IsLiteral && f.Name.EndsWith("Name", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(used.Order(StringComparer.Ordinal).Select(t => prefix + t), tables.Order(StringComparer.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void Cors_AnyPlan_TheAppAndSignalRAllowExactlyTheConfiguredOrigins_PlatformCorsStaysOff(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var expected = ExpectedOrigins(plan);

        // The app answers CORS itself from this setting; platform CORS would take precedence over it.
        Assert.Equal(string.Join(',', expected), snapshot.AppSettings["Cors__AllowedOrigins"]);
        Assert.Empty(snapshot.Site.Strings("properties.siteConfig.cors.allowedOrigins"));
        Assert.False(snapshot.Site.Bool("properties.siteConfig.cors.supportCredentials"));
        Assert.Equal(expected, snapshot.SignalR.Strings("properties.cors.allowedOrigins"));
        Assert.DoesNotContain("*", expected);
    }

    private IReadOnlyList<string> ExpectedOrigins(string plan) => plan == "WindowsConsumption"
        ? InfraFixture.WindowsOrigins
        : infra.Parameters.Strings("parameters.allowedOrigins.value");
}
