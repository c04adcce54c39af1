using Azure.Storage.Blobs.Models;
using Livechat.Azure.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Livechat.Azure.Blobs;

/// <summary>
/// Creates the private attachments container and, on a connection-string account (Azurite), lets the allowed pages
/// upload to the blob service from the browser (CORS); in Azure the Bicep sets those rules, and the app's identity
/// has no right to change them.
/// </summary>
public sealed partial class AttachmentContainerStartup(AttachmentContainer container, IOptions<StorageOptions> options, ILogger<AttachmentContainerStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await container.Client.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        if (string.IsNullOrEmpty(options.Value.ConnectionString)) return;
        var origins = options.Value.BlobCorsOrigins;
        if (string.IsNullOrWhiteSpace(origins)) return;
        var properties = (await container.Service.GetPropertiesAsync(cancellationToken)).Value;
        properties.Cors = [new BlobCorsRule
        {
            AllowedOrigins = origins,
            AllowedMethods = "GET,HEAD,PUT,OPTIONS",
            AllowedHeaders = "content-type,x-ms-*",
            ExposedHeaders = "etag,x-ms-request-id",
            MaxAgeInSeconds = 3600,
        }];
        await container.Service.SetPropertiesAsync(properties, cancellationToken);
        LogCors(origins);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob service CORS allows uploads from {Origins}")]
    private partial void LogCors(string origins);
}
