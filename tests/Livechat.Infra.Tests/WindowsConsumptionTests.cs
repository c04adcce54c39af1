namespace Livechat.Infra.Tests;

/// <summary>The same template deployed with planKind = 'WindowsConsumption'.</summary>
[Collection(InfraCollection.Name)]
public sealed class WindowsConsumptionTests(InfraFixture infra)
{
    [Fact]
    public void Plan_WindowsConsumption_IsY1Dynamic()
    {
        var plan = infra.Windows.Plan;

        Assert.Equal("Y1", plan.Str("sku.name"));
        Assert.Equal("Dynamic", plan.Str("sku.tier"));
        Assert.False(plan.Bool("properties.reserved"), "Windows plans are not reserved (Linux)");
    }

    [Fact]
    public void Site_WindowsConsumption_RunsDotnetIsolated10OnWindows()
    {
        var snapshot = infra.Windows;
        var site = snapshot.Site;
        var settings = snapshot.AppSettings;

        Assert.Equal("functionapp", site.Str("kind"));
        Assert.Equal(snapshot.Plan.Str("id"), site.Str("properties.serverFarmId"));
        Assert.Equal("v10.0", site.Str("properties.siteConfig.netFrameworkVersion"));
        Assert.False(site.Has("properties.functionAppConfig"), "functionAppConfig is Flex-only");
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", settings["FUNCTIONS_EXTENSION_VERSION"]);
    }

    [Fact]
    public void ContentShare_WindowsConsumption_IsConfiguredAndCreated()
    {
        var snapshot = infra.Windows;
        var settings = snapshot.AppSettings;
        var storageName = snapshot.StorageAccount.Str("name");

        var share = Assert.Single(snapshot.OfType("Microsoft.Storage/storageAccounts/fileServices/shares"));
        Assert.Equal($"{storageName}/default/{settings["WEBSITE_CONTENTSHARE"]}", share.Str("name"));

        var connection = settings["WEBSITE_CONTENTAZUREFILECONNECTIONSTRING"];
        Assert.StartsWith("[format('DefaultEndpointsProtocol=https;AccountName={0};EndpointSuffix={1};AccountKey={2}'", connection);
        Assert.Contains($"'{storageName}'", connection);
        Assert.Contains($"listKeys('{snapshot.StorageAccount.Str("id")}'", connection);
    }

    [Fact]
    public void Storage_WindowsConsumption_AllowsSharedKeyForTheContentShare()
    {
        Assert.True(infra.Windows.StorageAccount.Bool("properties.allowSharedKeyAccess"));
    }
}
