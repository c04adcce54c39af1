namespace Livechat.Infra.Tests;

/// <summary>The settings the application code reads, on every plan.</summary>
[Collection(InfraCollection.Name)]
public sealed class AppSettingsTests(InfraFixture infra)
{
    private static readonly string[] RequiredByTheApp =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "TaskHubName",
        "Storage__TableServiceUri",
        "Storage__ClientId",
        "SignalR__ConnectionString",
        "SignalR__HubName",
        "Sessions__SigningKey",
        "Identity__UserIdSecret",
        "Identity__AllowUnverifiedUserIds",
        "Admin__ApiKey",
        "Admin__EasyAuthEnabled",
        "Admin__EasyAuthRole",
        "Webhooks__SigningSecret",
        "Recipes__DefaultRecipeId",
        "Rooms__InactivityTimeout",
        "Rooms__AgentInactivityTimeout",
        "Cors__AllowedOrigins",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    [Theory]
    [ClassData(typeof(Plans))]
    public void AppSettings_AnyPlan_ContainEverySettingTheAppReads(string plan)
    {
        var settings = infra.SnapshotFor(plan).AppSettings;

        var missing = RequiredByTheApp.Where(name => !settings.ContainsKey(name)).ToList();
        Assert.True(missing.Count == 0, $"{plan} lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void AppSettings_AnyPlan_HostStorageUsesTheManagedIdentity(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var settings = snapshot.AppSettings;

        Assert.Equal(snapshot.StorageAccount.Str("name"), settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal($"[{snapshot.IdentityReference("clientId")}]", settings["AzureWebJobsStorage__clientId"]);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "no connection-string host storage");
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void AppSettings_AnyPlan_TablesUseTheTableEndpointAndTheIdentity(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var settings = snapshot.AppSettings;

        Assert.Equal(
            $"[format('https://{{0}}.table.{{1}}', '{snapshot.StorageAccount.Str("name")}', environment().suffixes.storage)]",
            settings["Storage__TableServiceUri"]);
        Assert.Equal($"[{snapshot.IdentityReference("clientId")}]", settings["Storage__ClientId"]);
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void AppSettings_AnyPlan_SignalRConnectionStringIsBuiltFromTheResourceKeys(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var signalRId = snapshot.SignalR.Str("id");
        var value = snapshot.AppSettings["SignalR__ConnectionString"];

        Assert.StartsWith("[format('Endpoint=https://{0};AccessKey={1};Version=1.0;'", value);
        Assert.Contains($"reference('{signalRId}', '{snapshot.SignalR.Str("apiVersion")}').hostName", value);
        Assert.Contains($"listKeys('{signalRId}', '{snapshot.SignalR.Str("apiVersion")}').primaryKey", value);
        Assert.Equal("chat", snapshot.AppSettings["SignalR__HubName"]);
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void AppSettings_AnyPlan_SecretsComeFromSecureParametersAndNeverAppearInTheDeployment(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var settings = snapshot.AppSettings;

        Assert.Equal("[parameters('sessionSigningKey')]", settings["Sessions__SigningKey"]);
        Assert.Equal("[parameters('adminApiKey')]", settings["Admin__ApiKey"]);
        Assert.Equal("[parameters('userIdVerificationSecret')]", settings["Identity__UserIdSecret"]);
        Assert.DoesNotContain(infra.SessionSigningKey, snapshot.Text);
        Assert.DoesNotContain(infra.AdminApiKey, snapshot.Text);
    }

    [Fact]
    public void AppSettings_Default_UseTheDocumentedDefaults()
    {
        var settings = infra.Flex.AppSettings;

        Assert.Equal("livechat", settings["TaskHubName"]);
        Assert.Equal("welcome", settings["Recipes__DefaultRecipeId"]);
        Assert.Equal("00:30:00", settings["Rooms__InactivityTimeout"]);
        Assert.Equal("1.00:00:00", settings["Rooms__AgentInactivityTimeout"]);
        Assert.Equal(
            string.Join(',', infra.Parameters.Strings("parameters.allowedOrigins.value")),
            settings["Cors__AllowedOrigins"]);
    }

    [Fact]
    public void AppSettings_SeveralOrigins_AreJoinedWithCommas()
    {
        Assert.Equal(string.Join(',', InfraFixture.WindowsOrigins), infra.Windows.AppSettings["Cors__AllowedOrigins"]);
    }

    [Theory]
    [ClassData(typeof(Plans))]
    public void AppSettings_AnyPlan_TelemetryGoesToApplicationInsightsWithTheIdentity(string plan)
    {
        var snapshot = infra.SnapshotFor(plan);
        var settings = snapshot.AppSettings;
        var appInsights = snapshot.ApplicationInsights;

        Assert.Equal(
            $"[reference('{appInsights.Str("id")}', '{appInsights.Str("apiVersion")}').ConnectionString]",
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal(
            $"[format('ClientId={{0}};Authorization=AAD', {snapshot.IdentityReference("clientId")})]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Equal(snapshot.LogAnalytics.Str("id"), appInsights.Str("properties.WorkspaceResourceId"));
    }
}
