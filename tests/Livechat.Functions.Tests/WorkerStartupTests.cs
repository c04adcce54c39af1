using System.Reflection;
using Livechat.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Livechat.Functions.Tests;

/// <summary>
/// The worker's real host, built from the same builder Program.cs runs, with the settings a deployment gives it:
/// every service it starts with and every function class resolve. The app once died here at start-up on the
/// Functions host (Application Insights' worker package without its SDK) while every other test passed.
/// </summary>
public sealed class WorkerStartupTests
{
    private static readonly Dictionary<string, string?> DeploymentSettings = new()
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["SignalR:ConnectionString"] = "Endpoint=http://127.0.0.1;Port=8888;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;",
        ["Sessions:SigningKey"] = "worker-startup-tests-signing-key-0123456789",
        ["Webhooks:SigningSecret"] = "worker-startup-tests-webhook-secret-0123456789",
        ["Admin:ApiKey"] = "worker-startup-tests-admin-key-0123456789abcdef",
        ["Cors:AllowedOrigins"] = "https://shop.example.com",
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

    private static IHost Build(Dictionary<string, string?> settings) =>
        LivechatWorker.CreateBuilder()
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings))
            .Build();
}
