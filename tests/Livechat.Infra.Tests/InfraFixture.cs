using System.Security.Cryptography;
using System.Text.Json;

namespace Livechat.Infra.Tests;

/// <summary>
/// Runs the Bicep CLI once per test run (each command lazily, on first use) against infra/ and
/// keeps the results for the tests. Everything bicep writes goes to a temporary folder.
/// </summary>
public sealed class InfraFixture : IDisposable
{
    public const string SubscriptionId = "11111111-1111-1111-1111-111111111111";
    public const string TenantId = "22222222-2222-2222-2222-222222222222";
    public const string ResourceGroup = "rg-livechat-test";
    public const string Location = "westeurope";

    /// <summary>Origins the Windows Consumption test parameters allow.</summary>
    public static readonly string[] WindowsOrigins = ["https://www.contoso.com", "https://shop.contoso.com"];

    /// <summary>App registration the Windows Consumption test parameters sign the dashboard in with (the committed file has none).</summary>
    public const string EntraClientId = "33333333-3333-3333-3333-333333333333";

    public const string EntraAdminRole = "Contoso.Chat.Admins";

    /// <summary>Function app name the Windows Consumption test parameters force.</summary>
    public const string WindowsFunctionAppName = "func-contoso-chat";

    private readonly Lazy<BicepResult> _build;
    private readonly Lazy<BicepResult> _lint;
    private readonly Lazy<BicepResult> _buildParams;
    private readonly Lazy<(BicepResult Run, DeploymentSnapshot? Snapshot)> _flex;
    private readonly Lazy<(BicepResult Run, DeploymentSnapshot? Snapshot)> _windows;

    public InfraFixture()
    {
        RepoRoot = RepositoryRoot.Find();
        InfraDir = Path.Combine(RepoRoot, "infra");
        MainBicep = Path.Combine(InfraDir, "main.bicep");
        MainParams = Path.Combine(InfraDir, "main.bicepparam");
        WorkDir = Directory.CreateTempSubdirectory("livechat-infra-tests-").FullName;
        Cli = BicepCli.Locate();

        SessionSigningKey = NewSecret();
        AdminApiKey = NewSecret();
        UserIdSecret = NewSecret();
        SecretEnvironment = new Dictionary<string, string>
        {
            ["LIVECHAT_SESSION_SIGNING_KEY"] = SessionSigningKey,
            ["LIVECHAT_ADMIN_API_KEY"] = AdminApiKey,
            ["LIVECHAT_WEBHOOK_SIGNING_SECRET"] = NewSecret(),
            ["LIVECHAT_USER_ID_SECRET"] = UserIdSecret,
        };

        _build = new(() => Cli.Run(SecretEnvironment, "build", MainBicep, "--outfile", Path.Combine(WorkDir, "main.json")));
        _lint = new(() => Cli.Run(SecretEnvironment, "lint", MainBicep, "--diagnostics-format", "sarif"));
        _buildParams = new(() => RunBuildParams(SecretEnvironment, "main.parameters.json"));
        _flex = new(() => Snapshot("flex-default", FlexParamsFromCommittedFile()));
        _windows = new(() => Snapshot("windows-consumption", WindowsParams()));
    }

    public string RepoRoot { get; }

    public string InfraDir { get; }

    public string MainBicep { get; }

    public string MainParams { get; }

    /// <summary>Random values the tests hand bicep through the environment, as a deployer would.</summary>
    public string SessionSigningKey { get; }

    public string AdminApiKey { get; }
    public string UserIdSecret { get; }

    internal IReadOnlyDictionary<string, string> SecretEnvironment { get; }

    internal BicepCli Cli { get; }

    private string WorkDir { get; }

    internal BicepResult Build => _build.Value;

    internal BicepResult Lint => _lint.Value;

    internal BicepResult BuildParams => _buildParams.Value;

    internal BicepResult FlexSnapshotRun => _flex.Value.Run;

    internal BicepResult WindowsSnapshotRun => _windows.Value.Run;

    /// <summary>The compiled ARM template of infra/main.bicep (modules nested inline).</summary>
    internal JsonElement Template
    {
        get
        {
            Assert.True(Build.Succeeded, Build.ToString());
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(WorkDir, "main.json"))).RootElement;
        }
    }

    /// <summary>The compiled parameters of the committed infra/main.bicepparam.</summary>
    internal JsonElement Parameters
    {
        get
        {
            Assert.True(BuildParams.Succeeded, BuildParams.ToString());
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(WorkDir, "main.parameters.json"))).RootElement;
        }
    }

    /// <summary>Deployment of the committed infra/main.bicepparam: the defaults (Flex Consumption).</summary>
    internal DeploymentSnapshot Flex => _flex.Value.Snapshot ?? throw Failed(FlexSnapshotRun);

    /// <summary>Deployment with planKind = WindowsConsumption (and a few other non-defaults).</summary>
    internal DeploymentSnapshot Windows => _windows.Value.Snapshot ?? throw Failed(WindowsSnapshotRun);

    internal DeploymentSnapshot SnapshotFor(string plan) => plan switch
    {
        "FlexConsumption" => Flex,
        "WindowsConsumption" => Windows,
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, null),
    };

    internal BicepResult RunBuildParams(IReadOnlyDictionary<string, string> environment, string outputName) =>
        Cli.Run(environment, "build-params", MainParams, "--outfile", Path.Combine(WorkDir, outputName));

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private (BicepResult, DeploymentSnapshot?) Snapshot(string name, string paramsText)
    {
        var paramsFile = Path.Combine(WorkDir, $"{name}.bicepparam");
        File.WriteAllText(paramsFile, paramsText);
        var run = Cli.Run(
            SecretEnvironment,
            "snapshot", paramsFile,
            "--mode", "overwrite",
            "--subscription-id", SubscriptionId,
            "--tenant-id", TenantId,
            "--resource-group", ResourceGroup,
            "--location", Location);
        var output = Path.Combine(WorkDir, $"{name}.snapshot.json");
        return (run, run.Succeeded && File.Exists(output) ? new DeploymentSnapshot(File.ReadAllText(output)) : null);
    }

    /// <summary>The committed parameter file, with its `using` pointed back at infra/main.bicep.</summary>
    private string FlexParamsFromCommittedFile()
    {
        const string committedUsing = "using './main.bicep'";
        var text = File.ReadAllText(MainParams);
        Assert.Contains(committedUsing, text);
        return text.Replace(committedUsing, $"using '{RelativeMainBicep()}'", StringComparison.Ordinal);
    }

    private string WindowsParams() => $"""
        using '{RelativeMainBicep()}'

        param environmentName = 'test'
        param planKind = 'WindowsConsumption'
        param allowedOrigins = ['{WindowsOrigins[0]}', '{WindowsOrigins[1]}']
        param functionAppName = '{WindowsFunctionAppName}'
        param signalRSku = 'Free_F1'
        param signalRCapacity = 3
        param entraClientId = '{EntraClientId}'
        param entraAdminRole = '{EntraAdminRole}'
        param sessionSigningKey = readEnvironmentVariable('LIVECHAT_SESSION_SIGNING_KEY')
        param adminApiKey = readEnvironmentVariable('LIVECHAT_ADMIN_API_KEY')
        param webhookSigningSecret = readEnvironmentVariable('LIVECHAT_WEBHOOK_SIGNING_SECRET')
        param userIdVerificationSecret = readEnvironmentVariable('LIVECHAT_USER_ID_SECRET')
        """;

    // Bicep only accepts relative paths in `using`.
    private string RelativeMainBicep() => Path.GetRelativePath(WorkDir, MainBicep).Replace('\\', '/');

    private static Exception Failed(BicepResult run) => new Xunit.Sdk.XunitException(run.ToString());

    private static string NewSecret() => "test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<InfraFixture>
{
    public const string Name = "infra";
}
