using Livechat.Core.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

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

        // Each attempt has its own timeout (SignalRServiceOptions.RequestTimeout), so the client's own is off. The
        // pipeline's delays and timeouts run on the TimeProvider registered here, which Polly takes from the container.
        services.AddHttpClient<SignalRRestPublisher>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("signalr", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SignalRServiceOptions>>().Value;
                if (options.MaxAttempts > 1)
                {
                    pipeline.AddRetry(RetryOptions(options));
                }
                pipeline.AddTimeout(options.RequestTimeout);
            });
        services.AddTransient<IRealtimePublisher>(sp => new BestEffortRealtimePublisher(
            sp.GetRequiredService<SignalRRestPublisher>(),
            sp.GetRequiredService<IOptions<SignalRServiceOptions>>().Value.SendBudget,
            sp.GetRequiredService<ILogger<BestEffortRealtimePublisher>>()));
        return services;
    }

    /// <summary>Retries transient failures (5xx, 408, 429, network errors, attempt timeouts) with jittered exponential backoff.</summary>
    private static HttpRetryStrategyOptions RetryOptions(SignalRServiceOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldRetryAfterHeader = true,
            OnRetry = SignalRRestPublisher.OnRetryAsync,
        };
        // Polly bounds only its own backoff by MaxDelay; a server's Retry-After is bounded here, as the option promises.
        var retryAfter = retry.DelayGenerator!;
        retry.DelayGenerator = async args =>
        {
            var wait = await retryAfter(args).ConfigureAwait(false);
            return wait > options.MaxDelay ? options.MaxDelay : wait;
        };
        return retry;
    }
}
