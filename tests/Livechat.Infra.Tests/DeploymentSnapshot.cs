using System.Text.Json;

namespace Livechat.Infra.Tests;

/// <summary>
/// The output of `bicep snapshot`: the resources a deployment would create, with parameters,
/// conditions, loops and modules evaluated offline for a fixed subscription and resource group.
/// What only Azure knows at deploy time (reference(), listKeys(), secure parameters) stays an
/// ARM expression.
/// </summary>
internal sealed class DeploymentSnapshot
{
    private readonly JsonElement _root;

    public DeploymentSnapshot(string json)
    {
        Text = json;
        _root = JsonDocument.Parse(json).RootElement;
    }

    /// <summary>The raw snapshot JSON.</summary>
    public string Text { get; }

    public IReadOnlyList<JsonElement> Resources => _root.GetProperty("predictedResources").EnumerateArray().ToList();

    public JsonElement Outputs => _root.GetProperty("outputs");

    public IReadOnlyList<JsonElement> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Str("type"), type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonElement Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"Expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    public JsonElement Site => Single("Microsoft.Web/sites");

    public JsonElement Plan => Single("Microsoft.Web/serverfarms");

    public JsonElement StorageAccount => Single("Microsoft.Storage/storageAccounts");

    public JsonElement SignalR => Single("Microsoft.SignalRService/signalR");

    public JsonElement Identity => Single("Microsoft.ManagedIdentity/userAssignedIdentities");

    public JsonElement ApplicationInsights => Single("Microsoft.Insights/components");

    public JsonElement LogAnalytics => Single("Microsoft.OperationalInsights/workspaces");

    /// <summary>The function app's siteConfig.appSettings as a name/value map (names must be unique).</summary>
    public IReadOnlyDictionary<string, string> AppSettings
    {
        get
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var setting in Site.At("properties.siteConfig.appSettings").EnumerateArray())
            {
                var name = setting.Str("name");
                Assert.True(settings.TryAdd(name, setting.Str("value")), $"App setting {name} is set twice.");
            }

            return settings;
        }
    }

    /// <summary>The ARM expression a deployment uses for a property of the user-assigned identity.</summary>
    public string IdentityReference(string property) =>
        $"reference('{Identity.Str("id")}', '{Identity.Str("apiVersion")}').{property}";
}
