using System.Text.Json;

namespace Livechat.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class NamingTests(InfraFixture infra)
{
    [Fact]
    public void Names_Default_AreAbbreviationPlusOneSharedToken()
    {
        var snapshot = infra.Flex;
        var abbreviations = Abbreviations();
        var storageName = snapshot.StorageAccount.Str("name");
        var token = storageName[abbreviations["storageStorageAccounts"].Length..];

        Assert.Matches("^[a-z0-9]{13}$", token); // uniqueString() is 13 lowercase characters
        Assert.Equal($"{abbreviations["webSitesFunctions"]}livechat-{token}", snapshot.Site.Str("name"));
        Assert.Equal($"{abbreviations["webServerFarms"]}livechat-{token}", snapshot.Plan.Str("name"));
        Assert.Equal($"{abbreviations["signalRServiceSignalR"]}livechat-{token}", snapshot.SignalR.Str("name"));
        Assert.Equal($"{abbreviations["insightsComponents"]}livechat-{token}", snapshot.ApplicationInsights.Str("name"));
        Assert.Equal($"{abbreviations["operationalInsightsWorkspaces"]}livechat-{token}", snapshot.LogAnalytics.Str("name"));
        Assert.Equal($"{abbreviations["managedIdentityUserAssignedIdentities"]}livechat-{token}", snapshot.Identity.Str("name"));
        Assert.InRange(storageName.Length, 3, 24);
    }

    [Fact]
    public void Names_OtherEnvironmentName_GetAnotherToken()
    {
        // Same subscription and resource group; environmentName 'dev' (committed) vs 'test'.
        Assert.NotEqual(infra.Flex.StorageAccount.Str("name"), infra.Windows.StorageAccount.Str("name"));
        Assert.NotEqual(infra.Flex.SignalR.Str("name"), infra.Windows.SignalR.Str("name"));
    }

    [Fact]
    public void Names_Overridden_AreUsedVerbatim()
    {
        Assert.Equal(InfraFixture.WindowsFunctionAppName, infra.Windows.Site.Str("name"));
    }

    private Dictionary<string, string> Abbreviations() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(infra.InfraDir, "abbreviations.json")))!;
}
