namespace Livechat.Infra.Tests;

/// <summary>Where attachments live in Azure: a private container, a lifecycle rule, blob CORS for the widget's pages, a setting to find them.</summary>
[Collection(InfraCollection.Name)]
public sealed class AttachmentStorageTests(InfraFixture infra)
{
    [Theory]
    [ClassData(typeof(Plans))]
    public void AttachmentsContainer_AnyPlan_IsPrivate(string plan)
    {
        var containers = infra.SnapshotFor(plan).OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        var attachments = Assert.Single(containers, c => c.Str("name").EndsWith("/default/attachments", StringComparison.Ordinal));
        Assert.Equal("None", attachments.Str("properties.publicAccess"));
    }

    [Fact]
    public void LifecycleRule_Default_DeletesAttachmentsAfterTheRetentionDaysAndNothingElse()
    {
        var policy = infra.Flex.Single("Microsoft.Storage/storageAccounts/managementPolicies");

        var rule = policy.At("properties.policy.rules").EnumerateArray().Single();
        Assert.True(rule.Bool("enabled"));
        Assert.Equal(["attachments/"], rule.Strings("definition.filters.prefixMatch"));
        Assert.Equal(90, rule.Int("definition.actions.baseBlob.delete.daysAfterModificationGreaterThan"));
    }

    [Fact]
    public void BlobCors_Default_AllowsUploadsFromTheWidgetsOriginsOnly()
    {
        var blob = infra.Flex.Single("Microsoft.Storage/storageAccounts/blobServices");
        var allowed = infra.Flex.AppSettings["Cors__AllowedOrigins"];

        var rule = blob.At("properties.cors.corsRules").EnumerateArray().Single();
        Assert.Contains("PUT", rule.Strings("allowedMethods"));
        Assert.DoesNotContain("*", rule.Strings("allowedOrigins"));
        Assert.NotEmpty(rule.Strings("allowedOrigins"));
        Assert.All(rule.Strings("allowedOrigins"), origin => Assert.Contains(origin, allowed, StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void AppSettings_AnyPlan_NameTheBlobEndpointTheLinksAreSignedFor(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);

        Assert.Equal(
            $"[format('https://{{0}}.blob.{{1}}', '{snapshot.StorageAccount.Str("name")}', environment().suffixes.storage)]",
            snapshot.AppSettings["Storage__BlobServiceUri"]);
    }
}
