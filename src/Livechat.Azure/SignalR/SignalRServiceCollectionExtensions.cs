using Livechat.Core.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Azure.SignalR;

public static class SignalRServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Azure SignalR Service adapters: <see cref="IRealtimePublisher"/> (REST, typed HttpClient),
    /// <see cref="IRealtimeNegotiator"/> and <see cref="SignalRTokenFactory"/>, with options from the
    /// <c>SignalR</c> section validated at start-up.
    /// </summary>
    public static IServiceCollection AddSignalRService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignalRServiceOptions>()
            .Bind(configuration.GetSection(SignalRServiceOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(
                options => string.IsNullOrEmpty(options.ConnectionString) || SignalRConnectionString.TryParse(options.ConnectionString, out _),
                "SignalR:ConnectionString must be 'Endpoint=https://...;AccessKey=...;' (Port= optional).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SignalRTokenFactory>();
        services.TryAddSingleton<IRealtimeNegotiator, SignalRServiceNegotiator>();

        // Each attempt has its own timeout (SignalRServiceOptions.RequestTimeout), so the client's own is off.
        services.AddHttpClient<SignalRRestPublisher>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<IRealtimePublisher>(sp => new BestEffortRealtimePublisher(
            sp.GetRequiredService<SignalRRestPublisher>(),
            sp.GetRequiredService<IOptions<SignalRServiceOptions>>().Value.SendBudget,
            sp.GetRequiredService<ILogger<BestEffortRealtimePublisher>>()));
        return services;
    }
}
