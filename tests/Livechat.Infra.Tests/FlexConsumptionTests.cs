namespace Livechat.Infra.Tests;

/// <summary>The committed infra/main.bicepparam, i.e. the default Flex Consumption deployment.</summary>
[Collection(InfraCollection.Name)]
public sealed class FlexConsumptionTests(InfraFixture infra)
{
    [Fact]
    public void Plan_Default_IsFc1FlexConsumptionOnLinux()
    {
        var plan = infra.Flex.Plan;

        Assert.Equal("FC1", plan.Str("sku.name"));
        Assert.Equal("FlexConsumption", plan.Str("sku.tier"));
        Assert.True(plan.Bool("properties.reserved"), "Flex Consumption plans are Linux (reserved: true)");
    }

    [Fact]
    public void Site_Default_IsLinuxFunctionAppOnDotnetIsolated10()
    {
        var site = infra.Flex.Site;

        Assert.Equal("functionapp,linux", site.Str("kind"));
        Assert.Equal(infra.Flex.Plan.Str("id"), site.Str("properties.serverFarmId"));
        Assert.Equal("dotnet-isolated", site.Str("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", site.Str("properties.functionAppConfig.runtime.version"));
        Assert.Equal(2048, site.Int("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
    }

    [Fact]
    public void AlwaysReady_Default_KeepsOneDurableInstance()
    {
        var alwaysReady = infra.Flex.Site.At("properties.functionAppConfig.scaleAndConcurrency.alwaysReady");

        var group = Assert.Single(alwaysReady.EnumerateArray());
        Assert.Equal("durable", group.Str("name"));
        Assert.Equal(1, group.Int("instanceCount"));
    }

    [Fact]
    public void DeploymentStorage_Default_IsBlobContainerReachedWithTheUserAssignedIdentity()
    {
        var snapshot = infra.Flex;
        var storage = snapshot.Site.At("properties.functionAppConfig.deployment.storage");

        Assert.Equal("blobContainer", storage.Str("type"));
        Assert.Equal("UserAssignedIdentity", storage.Str("authentication.type"));
        Assert.Equal(snapshot.Identity.Str("id"), storage.Str("authentication.userAssignedIdentityResourceId"));

        // The other container holds the chat attachments (AttachmentStorageTests).
        var container = Assert.Single(snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => !c.Str("name").EndsWith("/attachments", StringComparison.Ordinal));
        var containerName = container.Str("name").Split('/')[^1];
        Assert.StartsWith($"[format('{{0}}{{1}}', reference('{snapshot.StorageAccount.Str("id")}'", storage.Str("value"));
        Assert.EndsWith($".primaryEndpoints.blob, '{containerName}')]", storage.Str("value"));
        Assert.Equal("None", container.Str("properties.publicAccess"));
    }

    [Fact]
    public void AppSettings_Flex_OmitSettingsFlexRejects()
    {
        var settings = infra.Flex.AppSettings;

        foreach (var name in new[]
                 {
                     "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
                     "WEBSITE_CONTENTSHARE", "WEBSITE_RUN_FROM_PACKAGE", "AzureWebJobsStorage",
                 })
        {
            Assert.False(settings.ContainsKey(name), $"{name} must not be set on Flex Consumption");
        }
    }

    [Fact]
    public void Storage_Flex_KeepsSharedKeyOffAndHasNoContentShare()
    {
        var snapshot = infra.Flex;

        Assert.False(snapshot.StorageAccount.Bool("properties.allowSharedKeyAccess"));
        Assert.Empty(snapshot.OfType("Microsoft.Storage/storageAccounts/fileServices/shares"));
    }
}
