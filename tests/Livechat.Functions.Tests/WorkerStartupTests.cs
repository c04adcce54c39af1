using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using System.Reflection;

namespace Livechat.Functions.Tests;

/// <summary>
/// The worker's real host, built from the same builder Program.cs runs, with the settings a deployment gives it:
/// every service it starts with and every function class resolve. The app once died here at start-up on the
/// Functions host (Application Insights' worker package without its SDK) while every other test passed.
/// </summary>
public sealed class WorkerStartupTests
{
    // The SignalR emulator's fixed development key, public in its source.
    private const string EmulatorKey = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    private static readonly Dictionary<string, string?> DeploymentSettings = new()
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["SignalR:ConnectionString"] = "Endpoint=https://livechat-test.service.signalr.net;AccessKey=not-a-key-worker-startup-tests-0123456789;Version=1.0;",
        ["Sessions:SigningKey"] = "worker-startup-tests-signing-key-0123456789",
        ["Webhooks:SigningSecret"] = "worker-startup-tests-webhook-secret-0123456789",
        ["Admin:ApiKey"] = "worker-startup-tests-admin-key-0123456789abcdef",
        ["Cors:AllowedOrigins"] = "https://shop.example.com",
        ["Identity:UserIdSecret"] = "worker-startup-tests-user-id-secret-0123456789",
        // What the Functions host passes a worker it starts (nothing listens there: the host is not started).
        ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:9",
        ["Functions:Worker:WorkerId"] = "worker-startup-test",
        ["Functions:Worker:RequestId"] = "worker-startup-test",
        ["Functions:Worker:GrpcMaxMessageLength"] = "2147483647",
    };

    [Fact]
    public void WorkerHost_WithDeploymentSettings_ResolvesEveryHostedServiceAndFunctionClass()
    {
        using var host = Build(DeploymentSettings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotEmpty(host.Services.GetServices<IHostedService>());
        var functionClasses = typeof(LivechatWorker).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        Assert.True(functionClasses.Count >= 20, $"only {functionClasses.Count} function classes found");
        foreach (var type in functionClasses)
            Assert.NotNull(ActivatorUtilities.CreateInstance(host.Services, type));
    }

    [Fact]
    public void WorkerHost_WithAMalformedOrigin_RefusesToStart_NamingTheSetting()
    {
        using var host = Build(new Dictionary<string, string?>(DeploymentSettings) { ["Cors:AllowedOrigins"] = "https://shop.example.com/" });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("AllowedOrigins", error.Message);
    }

    [Theory]
    [InlineData("Sessions:SigningKey", "local-development-only-session-key-change-me")]
    [InlineData("Admin:ApiKey", "local-development-only-admin-key-never-use-in-azure")]
    [InlineData("Webhooks:SigningSecret", "replace-with-at-least-32-random-characters-too")]
    [InlineData("SignalR:ConnectionString", "Endpoint=https://x.service.signalr.net;AccessKey=" + EmulatorKey + ";Version=1.0;")]
    public void WorkerHost_OutsideDevelopment_WithADevelopmentKey_RefusesToStart_NamingTheSetting(string setting, string developmentKey)
    {
        using var host = Build(new Dictionary<string, string?>(DeploymentSettings) { [setting] = developmentKey });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void WorkerHost_InDevelopment_AcceptsTheDevelopmentKeys_AndUnverifiedUserIds()
    {
        using var host = Build(new Dictionary<string, string?>(DeploymentSettings)
        {
            ["Sessions:SigningKey"] = "local-development-only-session-key-change-me",
            ["Identity:UserIdSecret"] = null,
        }, "Development");

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.True(host.Services.GetRequiredService<IOptions<Livechat.Core.Users.IdentityOptions>>().Value.AllowUnverifiedUserIds);
    }

    [Fact]
    public void WorkerHost_OutsideDevelopment_WithoutAUserIdSecret_RefusesToStart_UnlessUnverifiedIdsAreAllowedExplicitly()
    {
        using var strict = Build(new Dictionary<string, string?>(DeploymentSettings) { ["Identity:UserIdSecret"] = null });
        using var optedOut = Build(new Dictionary<string, string?>(DeploymentSettings) { ["Identity:UserIdSecret"] = null, ["Identity:AllowUnverifiedUserIds"] = "true" });

        var error = Assert.Throws<OptionsValidationException>(() => strict.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Identity:UserIdSecret", error.Message);
        optedOut.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static IHost Build(Dictionary<string, string?> settings, string environment = "Production") =>
        LivechatWorker.CreateBuilder()
            .UseEnvironment(environment)
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .Build();
}
