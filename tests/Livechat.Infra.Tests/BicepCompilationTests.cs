using System.Text.Json;

namespace Livechat.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class BicepCompilationTests(InfraFixture infra)
{
    [Fact]
    public void Build_MainTemplate_SucceedsWithoutWarnings()
    {
        var build = infra.Build;

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(string.IsNullOrWhiteSpace(build.StandardError), build.ToString());
    }

    [Fact]
    public void Lint_MainTemplateAndModules_ReportsNoDiagnostics()
    {
        var lint = infra.Lint;

        Assert.True(lint.Succeeded, lint.ToString());
        var sarif = JsonDocument.Parse(lint.StandardOutput).RootElement;
        var results = sarif.GetProperty("runs").EnumerateArray()
            .SelectMany(run => run.GetProperty("results").EnumerateArray())
            .Select(result => $"{result.Str("ruleId")}: {result.Str("message.text")}")
            .ToList();
        Assert.True(results.Count == 0, string.Join(Environment.NewLine, results));
    }

    [Fact]
    public void BuildParams_MainParamFile_SucceedsWithoutWarnings()
    {
        var buildParams = infra.BuildParams;

        Assert.True(buildParams.Succeeded, buildParams.ToString());
        Assert.True(string.IsNullOrWhiteSpace(buildParams.StandardError), buildParams.ToString());
    }

    [Fact]
    public void BuildParams_MainParamFile_ReadsSecretsFromEnvironment()
    {
        var parameters = infra.Parameters.At("parameters");

        Assert.Equal(infra.SessionSigningKey, parameters.Str("sessionSigningKey.value"));
        Assert.Equal(infra.AdminApiKey, parameters.Str("adminApiKey.value"));
        Assert.Equal(infra.UserIdSecret, parameters.Str("userIdVerificationSecret.value"));
    }

    [Fact]
    public void BuildParams_SecretVariablesMissing_Fails()
    {
        var result = infra.RunBuildParams(new Dictionary<string, string>(), "no-secrets.parameters.json");

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("LIVECHAT_SESSION_SIGNING_KEY", result.StandardError);
        Assert.Contains("LIVECHAT_ADMIN_API_KEY", result.StandardError);
        Assert.Contains("LIVECHAT_USER_ID_SECRET", result.StandardError);
    }

    [Fact]
    public void BuildParams_SigningKeyShorterThan32_Fails()
    {
        var environment = new Dictionary<string, string>(infra.SecretEnvironment)
        {
            ["LIVECHAT_SESSION_SIGNING_KEY"] = new string('k', 31),
        };

        var result = infra.RunBuildParams(environment, "short-key.parameters.json");

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("32", result.StandardError);
    }

    [Fact]
    public void MainParamFile_SecureParameters_ComeOnlyFromEnvironment()
    {
        var lines = File.ReadAllLines(infra.MainParams);

        foreach (var (name, variable) in new[]
                 {
                     ("sessionSigningKey", "LIVECHAT_SESSION_SIGNING_KEY"),
                     ("adminApiKey", "LIVECHAT_ADMIN_API_KEY"),
                     ("webhookSigningSecret", "LIVECHAT_WEBHOOK_SIGNING_SECRET"),
                     ("userIdVerificationSecret", "LIVECHAT_USER_ID_SECRET"),
                 })
        {
            var assignment = Assert.Single(lines, l => l.TrimStart().StartsWith($"param {name} ", StringComparison.Ordinal));
            Assert.Contains($"readEnvironmentVariable('{variable}'", assignment);
        }
    }

    [Fact]
    public void Snapshots_BothPlans_SucceedWithoutDiagnostics()
    {
        foreach (var run in new[] { infra.FlexSnapshotRun, infra.WindowsSnapshotRun })
        {
            Assert.True(run.Succeeded, run.ToString());
            Assert.True(string.IsNullOrWhiteSpace(run.StandardError), run.ToString());
        }

        Assert.Empty(JsonDocument.Parse(infra.Flex.Text).RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Empty(JsonDocument.Parse(infra.Windows.Text).RootElement.GetProperty("diagnostics").EnumerateArray());
    }
}
