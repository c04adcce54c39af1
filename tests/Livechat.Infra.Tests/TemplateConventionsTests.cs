using System.Text.Json;
using System.Text.RegularExpressions;

namespace Livechat.Infra.Tests;

/// <summary>Checks on the compiled ARM template of infra/main.bicep and on the Bicep sources.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class TemplateConventionsTests(InfraFixture infra)
{
    private static readonly string[] SecureParameters = ["sessionSigningKey", "userIdVerificationSecret", "adminApiKey", "webhookSigningSecret"];

    [Fact]
    public void Main_ComposesModulesOnly_DeclaresNoResourceItself()
    {
        var resources = infra.Template.At("resources");

        var types = Resources(resources).Select(r => r.Str("type")).ToList();
        Assert.NotEmpty(types);
        Assert.All(types, type => Assert.Equal("Microsoft.Resources/deployments", type));
    }

    [Fact]
    public void Modules_AreExpectedLocalFiles_NotRegistryModules()
    {
        var modules = Templates(infra.Template).Skip(1).Select(t => t.Name).Order().ToList();
        Assert.Equal(["functionapp", "identity", "monitoring", "rbac", "signalr", "storage"], modules);

        foreach (var file in Directory.EnumerateFiles(infra.InfraDir, "*.bicep", SearchOption.AllDirectories))
        {
            foreach (Match match in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var path = match.Groups["path"].Value;
                Assert.False(path.StartsWith("br", StringComparison.Ordinal) || path.StartsWith("ts", StringComparison.Ordinal), $"{file}: registry module {path}");
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, path)), $"{file}: module {path} is not a local file");
            }
        }
    }

    [Fact]
    public void FunctionAppModule_DependsOnRoleAssignments_SoTheHostStartsWithItsRoles()
    {
        var functionApp = Resources(infra.Template.At("resources")).Single(r => r.Str("name") == "functionapp");

        Assert.Contains(
            "[resourceId('Microsoft.Resources/deployments', 'rbac')]",
            functionApp.At("dependsOn").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public void Parameters_InEveryTemplate_HaveDescriptions()
    {
        var missing = Templates(infra.Template)
            .SelectMany(t => t.Template.At("parameters").EnumerateObject()
                .Where(p => !p.Value.Has("metadata.description") || string.IsNullOrWhiteSpace(p.Value.Str("metadata.description")))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        Assert.True(missing.Count == 0, "No @description: " + string.Join(", ", missing));
    }

    [Fact]
    public void SecretParameters_InMainAndFunctionApp_AreSecureStrings()
    {
        foreach (var (name, template) in Templates(infra.Template).Where(t => t.Name is "main" or "functionapp"))
        {
            var parameters = template.At("parameters");
            foreach (var secret in SecureParameters)
            {
                Assert.Equal("securestring", parameters.Str($"{secret}.type"));
            }

            Assert.Equal(32, parameters.Int("sessionSigningKey.minLength"));
            Assert.Equal(32, parameters.Int("adminApiKey.minLength"));
            if (name == "main")
            {
                Assert.False(parameters.Has("sessionSigningKey.defaultValue"), "sessionSigningKey must be required");
                Assert.False(parameters.Has("adminApiKey.defaultValue"), "adminApiKey must be required");
                // Identity verification cannot be forgotten: the secret is required, trusting ids is an explicit opt-out.
                Assert.False(parameters.Has("userIdVerificationSecret.defaultValue"), "userIdVerificationSecret must be required");
                Assert.Equal(32, parameters.Int("userIdVerificationSecret.minLength"));
                Assert.False(parameters.Bool("allowUnverifiedUserIds.defaultValue"));
            }
        }
    }

    [Fact]
    public void PlanKind_Default_IsFlexConsumptionAndOnlyFlexOrWindowsAllowed()
    {
        var planKind = infra.Template.At("parameters.planKind");

        Assert.Equal("FlexConsumption", planKind.Str("defaultValue"));
        Assert.Equal(["FlexConsumption", "WindowsConsumption"], planKind.Strings("allowedValues"));
    }

    [Fact]
    public void SignalRSku_Default_IsStandardS1AndFreeAllowed()
    {
        var sku = infra.Template.At("parameters.signalRSku");

        Assert.Equal("Standard_S1", sku.Str("defaultValue"));
        Assert.Equal(["Standard_S1", "Free_F1"], sku.Strings("allowedValues"));
    }

    [Fact]
    public void Outputs_InEveryTemplate_ExposeNoSecret()
    {
        foreach (var (name, template) in Templates(infra.Template))
        {
            if (!template.Has("outputs"))
            {
                continue;
            }

            foreach (var output in template.At("outputs").EnumerateObject())
            {
                var where = $"{name} output {output.Name}";
                Assert.DoesNotMatch(SecretWord(), output.Name);
                Assert.NotEqual("securestring", output.Value.Str("type"));
                var value = output.Value.At("value").GetRawText();
                Assert.DoesNotMatch(SecretWord(), value);
                Assert.DoesNotMatch(ListFunction(), value);
                foreach (var secret in SecureParameters)
                {
                    Assert.False(value.Contains($"parameters('{secret}')", StringComparison.Ordinal), $"{where} returns {secret}");
                }
            }
        }
    }

    [Fact]
    public void Outputs_Main_IncludeUrlsAndResourceNames()
    {
        var outputs = infra.Template.At("outputs").EnumerateObject().Select(o => o.Name).ToHashSet();

        foreach (var expected in new[]
                 {
                     "functionAppUrl", "widgetScriptUrl", "signalREndpoint", "functionAppName", "storageAccountName",
                     "signalRName", "applicationInsightsName", "logAnalyticsName", "userAssignedIdentityName",
                 })
        {
            Assert.Contains(expected, outputs);
        }
    }

    [Fact]
    public void RoleAssignments_InRbacModule_AreNamedFromTheirScopePrincipalAndRole()
    {
        var rbac = Templates(infra.Template).Single(t => t.Name == "rbac").Template;

        var assignments = Resources(rbac.At("resources"))
            .Where(r => r.Str("type") == "Microsoft.Authorization/roleAssignments")
            .ToList();

        Assert.Equal(3, assignments.Count); // a loop over the 3 storage roles, SignalR, Application Insights
        Assert.All(assignments, assignment =>
        {
            var name = GuidName().Match(assignment.Str("name"));
            Assert.True(name.Success, assignment.Str("name"));
            Assert.Equal($"[{name.Groups["scope"].Value}]", assignment.Str("scope"));
            Assert.Equal("ServicePrincipal", assignment.Str("properties.principalType"));
            Assert.Equal("[parameters('principalId')]", assignment.Str("properties.principalId"));
        });
    }

    [Fact]
    public void RoleIds_InRbacModule_AreTheBuiltInRoles()
    {
        var variables = Templates(infra.Template).Single(t => t.Name == "rbac").Template.At("variables");

        Assert.Equal(RoleIds.StorageBlobDataOwner, variables.Str("storageBlobDataOwnerRoleId"));
        Assert.Equal(RoleIds.StorageQueueDataContributor, variables.Str("storageQueueDataContributorRoleId"));
        Assert.Equal(RoleIds.StorageTableDataContributor, variables.Str("storageTableDataContributorRoleId"));
        Assert.Equal(RoleIds.SignalRAppServer, variables.Str("signalRAppServerRoleId"));
        Assert.Equal(RoleIds.MonitoringMetricsPublisher, variables.Str("monitoringMetricsPublisherRoleId"));
    }

    /// <summary>ARM resources may be an array or (symbolic-name templates) an object.</summary>
    private static IEnumerable<JsonElement> Resources(JsonElement resources) =>
        resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);

    /// <summary>The main template and every nested module template, by module deployment name.</summary>
    private static IEnumerable<(string Name, JsonElement Template)> Templates(JsonElement main)
    {
        yield return ("main", main);
        foreach (var module in Resources(main.At("resources")).Where(r => r.Str("type") == "Microsoft.Resources/deployments"))
        {
            yield return (module.Str("name"), module.At("properties.template"));
        }
    }

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"^\[guid\((?<scope>resourceId\('[^']+', parameters\('\w+'\)\)), parameters\('principalId'\), variables\('\w+'\)(\[copyIndex\(\)\])?\)\]$")]
    private static partial Regex GuidName();

    [GeneratedRegex("key|secret|password|connectionstring|accesskey|token", RegexOptions.IgnoreCase)]
    private static partial Regex SecretWord();

    [GeneratedRegex(@"\blist\w*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunction();
}
