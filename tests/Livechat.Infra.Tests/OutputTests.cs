namespace Livechat.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class OutputTests(InfraFixture infra)
{
    [Theory]
    [ClassData(typeof(Plans))]
    public void Outputs_AnyPlan_UrlsPointAtTheFunctionAppAndSignalR(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var site = snapshot.Site;
        var signalR = snapshot.SignalR;
        var hostName = $"reference('{site.Str("id")}', '{site.Str("apiVersion")}').defaultHostName";

        Assert.Equal($"[format('https://{{0}}', {hostName})]", snapshot.Outputs.Str("functionAppUrl"));
        Assert.Equal($"[format('https://{{0}}/api/widget.js', {hostName})]", snapshot.Outputs.Str("widgetScriptUrl"));
        Assert.Equal(
            $"[format('https://{{0}}', reference('{signalR.Str("id")}', '{signalR.Str("apiVersion")}').hostName)]",
            snapshot.Outputs.Str("signalREndpoint"));
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void Outputs_AnyPlan_NameTheDeployedResources(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var outputs = snapshot.Outputs;

        Assert.Equal(plan, outputs.Str("planKind"));
        Assert.Equal(snapshot.Site.Str("name"), outputs.Str("functionAppName"));
        Assert.Equal(snapshot.Plan.Str("name"), outputs.Str("appServicePlanName"));
        Assert.Equal(snapshot.StorageAccount.Str("name"), outputs.Str("storageAccountName"));
        Assert.Equal(snapshot.SignalR.Str("name"), outputs.Str("signalRName"));
        Assert.Equal(snapshot.ApplicationInsights.Str("name"), outputs.Str("applicationInsightsName"));
        Assert.Equal(snapshot.LogAnalytics.Str("name"), outputs.Str("logAnalyticsName"));
        Assert.Equal(snapshot.Identity.Str("name"), outputs.Str("userAssignedIdentityName"));
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void Outputs_AnyPlan_CarryNoKeyOrSecret(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);

        foreach (var output in snapshot.Outputs.EnumerateObject())
        {
            var value = output.Value.GetRawText();
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("parameters(", value, StringComparison.Ordinal);
            Assert.DoesNotContain(infra.SessionSigningKey, value, StringComparison.Ordinal);
            Assert.DoesNotContain(infra.AdminApiKey, value, StringComparison.Ordinal);
        }
    }
}
