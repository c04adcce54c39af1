using Livechat.Api.Cors;
using Livechat.Core.Users;
using Livechat.Core.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Functions;

/// <summary>Says at start-up what the app lets through beyond its safe defaults, and which pages may call it.</summary>
internal sealed partial class StartupWarnings(IOptions<CorsOptions> cors, IOptions<IdentityOptions> identity, IOptions<WebhookOptions> webhooks, ILogger<StartupWarnings> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (cors.Value.AllowLocalhost) LogLocalhost();
        LogOrigins(string.IsNullOrWhiteSpace(cors.Value.AllowedOrigins) ? "(none)" : cors.Value.AllowedOrigins);
        if (string.IsNullOrEmpty(identity.Value.UserIdSecret)) LogUnverifiedUserIds();
        if (webhooks.Value.AllowPrivateNetworks) LogPrivateWebhooks();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local development: pages on http://localhost:* and http://127.0.0.1:* may call the API")]
    private partial void LogLocalhost();

    [LoggerMessage(Level = LogLevel.Information, Message = "CORS: allowed origins {Origins}")]
    private partial void LogOrigins(string origins);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity verification is off (Identity:AllowUnverifiedUserIds): setUserId trusts any user id a page gives, so a visitor can claim another user's chats")]
    private partial void LogUnverifiedUserIds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks may call plain http and loopback or private addresses (Webhooks:AllowPrivateNetworks)")]
    private partial void LogPrivateWebhooks();
}
