using Livechat.Api.Cors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Functions.Cors;

/// <summary>Says at start-up which pages may call the API, so a page refused by the browser can be explained.</summary>
internal sealed partial class CorsStartupLog(IOptions<CorsOptions> options, ILogger<CorsStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var cors = options.Value;
        if (cors.AllowLocalhost) LogLocalhost();
        LogOrigins(string.IsNullOrWhiteSpace(cors.AllowedOrigins) ? "(none)" : cors.AllowedOrigins);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local development: pages on http://localhost:* and http://127.0.0.1:* may call the API")]
    private partial void LogLocalhost();

    [LoggerMessage(Level = LogLevel.Information, Message = "CORS: allowed origins {Origins}")]
    private partial void LogOrigins(string origins);
}
