using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Livechat.Azure.SignalR;

/// <summary>
/// <see cref="IRealtimePublisher"/> over the Azure SignalR Service data-plane REST API, version 2022-06-01
/// (serverless mode). Transient failures (5xx, 408, 429, network errors, timeouts) are retried with exponential
/// backoff and jitter; a call that still fails, or is refused with another 4xx, throws
/// <see cref="RealtimeDeliveryException"/>. Nothing is dropped silently.
/// </summary>
public sealed partial class SignalRRestPublisher : IRealtimePublisher
{
    public const string ApiVersion = "2022-06-01";

    /// <summary>The service refuses message bodies over 1 MB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private readonly SignalRTokenFactory _tokenFactory;
    private readonly SignalRServiceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SignalRRestPublisher> _logger;
    private readonly string _hubPath;

    public SignalRRestPublisher(
        HttpClient httpClient,
        SignalRTokenFactory tokenFactory,
        IOptions<SignalRServiceOptions> options,
        TimeProvider timeProvider,
        ILogger<SignalRRestPublisher> logger)
    {
        _httpClient = httpClient;
        _tokenFactory = tokenFactory;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _hubPath = $"{tokenFactory.Endpoint}/api/hubs/{Uri.EscapeDataString(_options.HubName)}";
    }

    public Task SendToUserAsync(string userId, string eventName, object payload, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"users/{Segment(userId)}/:send", Body(eventName, payload), "SendToUser", cancellationToken);

    public Task SendToGroupAsync(string group, string eventName, object payload, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"groups/{Segment(group)}/:send", Body(eventName, payload), "SendToGroup", cancellationToken);

    public Task AddUserToGroupAsync(string userId, string group, TimeSpan? ttl, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"users/{Segment(userId)}/groups/{Segment(group)}", body: null, "AddUserToGroup", cancellationToken,
            ttl is { } t ? $"&ttl={Math.Max(1, (long)Math.Ceiling(t.TotalSeconds))}" : "");

    public Task RemoveUserFromGroupAsync(string userId, string group, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"users/{Segment(userId)}/groups/{Segment(group)}", body: null, "RemoveUserFromGroup", cancellationToken);

    public Task RemoveUserFromAllGroupsAsync(string userId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, $"users/{Segment(userId)}/groups", body: null, "RemoveUserFromAllGroups", cancellationToken);

    public Task CloseUserConnectionsAsync(string userId, string reason, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"users/{Segment(userId)}/:closeConnections", body: null, "CloseUserConnections", cancellationToken,
            $"&reason={Uri.EscapeDataString(reason)}");

    private async Task SendAsync(HttpMethod method, string relativePath, byte[]? body, string operation, CancellationToken cancellationToken, string query = "")
    {
        var uri = new Uri($"{_hubPath}/{relativePath}?api-version={ApiVersion}{query}");
        var path = uri.AbsolutePath;

        if (body is { Length: > MaxBodyBytes })
        {
            LogBodyTooLarge(_logger, operation, path, body.Length);
            throw new RealtimeDeliveryException(
                $"SignalR {operation} to {path} not sent: the body has {body.Length} bytes, over the service's limit of {MaxBodyBytes}.",
                statusCode: null, attempts: 0);
        }

        var maxAttempts = Math.Max(1, _options.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            HttpStatusCode? status = null;
            Exception? error = null;
            TimeSpan? retryAfter = null;

            using (var request = new HttpRequestMessage(method, uri))
            using (var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokenFactory.CreateServerToken(uri));
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = JsonContentType;
                }

                try
                {
                    using var response = await _httpClient
                        .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                        .ConfigureAwait(false);
                    if (IsSuccess(response.StatusCode))
                    {
                        return;
                    }

                    status = response.StatusCode;
                    if (!IsTransient(response.StatusCode))
                    {
                        var detail = await ReadDetailAsync(response, linked.Token).ConfigureAwait(false);
                        LogRejected(_logger, operation, path, (int)response.StatusCode, detail);
                        throw new RealtimeDeliveryException(
                            $"SignalR {operation} to {path} was refused with status {(int)response.StatusCode}: {detail}",
                            response.StatusCode, attempt);
                    }
                    retryAfter = RetryAfter(response);
                }
                catch (HttpRequestException exception)
                {
                    error = exception;
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    error = new TimeoutException(
                        $"SignalR {operation} to {path} got no response within {_options.RequestTimeout}.", exception);
                }
            }

            if (attempt >= maxAttempts)
            {
                LogGaveUp(_logger, error, operation, path, attempt, (int?)status);
                throw new RealtimeDeliveryException(
                    $"SignalR {operation} to {path} failed after {attempt} attempt(s); last status: {(status is null ? "none" : ((int)status).ToString())}.",
                    status, attempt, error);
            }

            var delay = Backoff(attempt, retryAfter);
            LogAttemptFailed(_logger, error, operation, path, attempt, maxAttempts, (int?)status, delay);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static byte[] Body(string eventName, object payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentNullException.ThrowIfNull(payload);
        return JsonSerializer.SerializeToUtf8Bytes(new SignalRPayloadMessage(eventName, [payload]), LivechatJson.Options);
    }

    /// <summary>One escaped path segment. "." and ".." would be collapsed by URL normalization, so they are refused.</summary>
    private static string Segment(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value is "." or "..")
        {
            throw new ArgumentException("A SignalR user id or group name cannot be '.' or '..'.", name);
        }
        return Uri.EscapeDataString(value);
    }

    private static bool IsSuccess(HttpStatusCode status) =>
        status is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.NoContent;

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    /// <summary>BaseDelay * 2^(attempt-1), scaled by a random factor in [0.5, 1), at least Retry-After, at most MaxDelay.</summary>
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var jittered = exponential * (0.5 + (Random.Shared.NextDouble() * 0.5));
        var delay = TimeSpan.FromMilliseconds(Math.Max(jittered, retryAfter?.TotalMilliseconds ?? 0));
        return delay < _options.MaxDelay ? delay : _options.MaxDelay;
    }

    private static async Task<string> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length <= 512 ? text : text[..512];
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return "";
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "SignalR {Operation} to {Path} failed on attempt {Attempt} of {MaxAttempts} with status {StatusCode}; retrying in {Delay}")]
    private static partial void LogAttemptFailed(
        ILogger logger, Exception? exception, string operation, string path, int attempt, int maxAttempts, int? statusCode, TimeSpan delay);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "SignalR {Operation} to {Path} failed on its last attempt {Attempt} with status {StatusCode}; giving up")]
    private static partial void LogGaveUp(ILogger logger, Exception? exception, string operation, string path, int attempt, int? statusCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error,
        Message = "SignalR {Operation} to {Path} was refused with status {StatusCode}: {Detail}")]
    private static partial void LogRejected(ILogger logger, string operation, string path, int statusCode, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error,
        Message = "SignalR {Operation} to {Path} not sent: body of {BodyBytes} bytes is over the 1 MB limit")]
    private static partial void LogBodyTooLarge(ILogger logger, string operation, string path, int bodyBytes);
}
