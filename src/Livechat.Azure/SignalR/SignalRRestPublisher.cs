using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Livechat.Azure.SignalR;

/// <summary>
/// <see cref="IRealtimePublisher"/> over the Azure SignalR Service data-plane REST API, version 2022-06-01
/// (serverless mode). Transient failures (5xx, 408, 429, network errors, timeouts) are retried with exponential
/// backoff and jitter by the resilience handler of its HttpClient (<see cref="SignalRServiceCollectionExtensions"/>);
/// a call that still fails, or is refused with another 4xx, throws <see cref="RealtimeDeliveryException"/>.
/// Nothing is dropped silently.
/// </summary>
public sealed partial class SignalRRestPublisher : IRealtimePublisher
{
    public const string ApiVersion = "2022-06-01";

    /// <summary>The service refuses message bodies over 1 MB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private static readonly ResiliencePropertyKey<Call> CallKey = new("Livechat.SignalR.Call");

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

        // The resilience handler of this client retries; the call rides along in its context so that its retries are
        // logged under this operation and counted for the exception. The handler takes the context's token, not the
        // one given to SendAsync, so the context carries the caller's.
        var call = new Call(operation, path, Math.Max(1, _options.MaxAttempts), _options.RequestTimeout, _logger);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CallKey, call);
        try
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokenFactory.CreateServerToken(uri));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonContentType;
            }
            request.SetResilienceContext(context);

            HttpResponseMessage response;
            try
            {
                response = await _httpClient
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception exception) when (call.AttemptError(exception, cancellationToken) is { } error)
            {
                LogGaveUp(_logger, error, operation, path, call.Attempts, statusCode: null);
                throw new RealtimeDeliveryException(
                    $"SignalR {operation} to {path} failed after {call.Attempts} attempt(s); last status: none.",
                    statusCode: null, call.Attempts, error);
            }

            using (response)
            {
                if (IsSuccess(response.StatusCode))
                {
                    return;
                }

                var status = response.StatusCode;
                if (!HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(response)))
                {
                    // The handler's per-attempt timeout ends with the headers; the detail gets one of its own.
                    using var timeout = new CancellationTokenSource(_options.RequestTimeout, _timeProvider);
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                    var detail = await ReadDetailAsync(response, linked.Token).ConfigureAwait(false);
                    LogRejected(_logger, operation, path, (int)status, detail);
                    throw new RealtimeDeliveryException(
                        $"SignalR {operation} to {path} was refused with status {(int)status}: {detail}",
                        status, call.Attempts);
                }

                LogGaveUp(_logger, null, operation, path, call.Attempts, (int)status);
                throw new RealtimeDeliveryException(
                    $"SignalR {operation} to {path} failed after {call.Attempts} attempt(s); last status: {(int)status}.",
                    status, call.Attempts);
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// The retry strategy's <c>OnRetry</c> for this client (see <see cref="SignalRServiceCollectionExtensions"/>): logs the
    /// attempt that failed and counts the next one.
    /// </summary>
    internal static ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        if (args.Context.Properties.TryGetValue(CallKey, out var call))
        {
            var attempt = args.AttemptNumber + 1;
            var error = args.Outcome.Exception is { } exception ? call.AttemptError(exception, args.Context.CancellationToken) ?? exception : null;
            LogAttemptFailed(call.Logger, error, call.Operation, call.Path, attempt, call.MaxAttempts, (int?)args.Outcome.Result?.StatusCode, args.RetryDelay);
            call.Attempts = attempt + 1;
        }
        return ValueTask.CompletedTask;
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

    /// <summary>One REST call across its attempts.</summary>
    private sealed class Call(string operation, string path, int maxAttempts, TimeSpan requestTimeout, ILogger logger)
    {
        public string Operation { get; } = operation;

        public string Path { get; } = path;

        public int MaxAttempts { get; } = maxAttempts;

        public ILogger Logger { get; } = logger;

        /// <summary>Requests sent so far; the retry strategy raises it before each further one.</summary>
        public int Attempts { get; set; } = 1;

        /// <summary>
        /// The failure of an attempt as it is logged and thrown: a network error as it is, an attempt that outlived
        /// <see cref="SignalRServiceOptions.RequestTimeout"/> as a <see cref="TimeoutException"/>; null for anything
        /// else, the caller's cancellation included, which is not a delivery failure.
        /// </summary>
        public Exception? AttemptError(Exception exception, CancellationToken cancellationToken) => exception switch
        {
            HttpRequestException => exception,
            TimeoutRejectedException or OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                new TimeoutException($"SignalR {Operation} to {Path} got no response within {requestTimeout}.", exception),
            _ => null,
        };
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
