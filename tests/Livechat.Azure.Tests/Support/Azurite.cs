using Livechat.Azure.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Livechat.Azure.Tests.Support;

/// <summary>
/// Services over the real Azurite emulator (started by test.sh / .ci/run). Each call gets its own table prefix
/// so tests never see each other's rows.
/// </summary>
public static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    public const string WebhookSecret = "test-webhook-secret-with-at-least-32-characters";

    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public static ServiceCollection Services(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = ConnectionString,
            ["Storage:TablePrefix"] = UniqueName("t"),
            ["Sessions:SigningKey"] = "test-signing-key-with-at-least-32-characters",
            ["Webhooks:SigningSecret"] = WebhookSecret,
            // The tests' webhook receivers listen on loopback.
            ["Webhooks:AllowPrivateNetworks"] = "true",
            // Engine tests send hundreds of messages a minute from one session.
            ["Limits:MessagesPerMinute"] = "10000",
            // Rooms are queued with no agent console open; the offline tests ask for the form.
            ["Offline:WhenNobodyOnline"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddLivechat(configuration);
        return services;
    }

    public static async Task<ServiceProvider> StartAsync(ServiceCollection services)
    {
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<LivechatTables>().CreateIfNotExistsAsync(CancellationToken.None);
        return provider;
    }
}
