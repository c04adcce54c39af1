using Livechat.Core.Common;
using Livechat.Core.CustomFields;
using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Livechat.Core.Webhooks;

/// <summary>
/// One attempt at a webhook block: POSTs the room, user and both scopes of custom fields, signed, to the
/// customer's URL. Transient failures throw so the orchestration's retry policy (with backoff, durable across
/// restarts) tries again; a refusal (other 4xx) or a bad reply returns a failure at once. Fields the receiver
/// sets are stored here, before the flow continues.
/// </summary>
public sealed partial class CallWebhookActivity(
    HttpClient http,
    IRoomStore rooms,
    FlowVariablesStore variables,
    IOptions<WebhookOptions> options,
    IOptions<CustomFieldOptions> fieldOptions,
    OutboundAddressPolicy addresses,
    TimeProvider time,
    ILogger<CallWebhookActivity> logger) : TaskActivity<WebhookCall, WebhookOutcome>
{
    /// <summary>The largest reply read; a longer one is a failed call (the reply only names a block and sets fields).</summary>
    public const int MaxReplyBytes = 64 * 1024;

    public override Task<WebhookOutcome> RunAsync(TaskActivityContext context, WebhookCall input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<WebhookOutcome> ExecuteAsync(WebhookCall call, CancellationToken cancellationToken)
    {
        var room = await rooms.GetAsync(call.RoomId, cancellationToken);
        if (room is null) return new WebhookOutcome(false, Error: "The room does not exist.");
        if (room.Status == RoomStatus.Ended) return new WebhookOutcome(false, Error: "The room has ended.");
        if (!Uri.TryCreate(call.Url, UriKind.Absolute, out var url) || !addresses.AllowsScheme(url))
            return Refused(call, "the URL is not https");
        var known = await variables.ReadAsync(room, cancellationToken);
        var now = time.GetUtcNow();
        var body = JsonSerializer.Serialize(new WebhookPayload(room.RoomId, call.BlockId, call.RecipeId, call.RecipeVersion, room.VisitorId,
            room.UserId, room.UserVerified, room.Department, known.UserParams, new WebhookFields(known.UserFields, known.RoomFields),
            WebhookPayload.Asserted(room, known), now), LivechatJson.Options);

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var timestamp = now.ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString());
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(options.Value.SigningSecret, timestamp, body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        HttpResponseMessage response;
        string? text;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            text = await ReadCappedAsync(response.Content, timeout.Token);
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException refused)
        {
            return Refused(call, refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogAttemptFailed(call.RoomId, call.BlockId, e.GetType().Name);
            throw new WebhookTransientException($"Webhook of block {call.BlockId} failed: {e.GetType().Name}", e);
        }

        using (response)
        {
            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            {
                LogAttemptFailed(call.RoomId, call.BlockId, ((int)response.StatusCode).ToString());
                throw new WebhookTransientException($"Webhook of block {call.BlockId} answered {(int)response.StatusCode}.");
            }
            if ((int)response.StatusCode is >= 300 and < 400) return Refused(call, $"it answered a redirect ({(int)response.StatusCode}), which is not followed");
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(call.RoomId, call.BlockId, (int)response.StatusCode);
                return new WebhookOutcome(false, Error: $"The receiver answered {(int)response.StatusCode}.");
            }
        }

        if (text is null) return new WebhookOutcome(false, Error: $"The receiver's reply is over {MaxReplyBytes / 1024} KB.");
        WebhookReply? reply = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            try
            {
                reply = JsonSerializer.Deserialize<WebhookReply>(text, LivechatJson.Options);
            }
            catch (JsonException)
            {
                return new WebhookOutcome(false, Error: "The receiver's reply is not the expected JSON.");
            }
        }
        var saves = ToSaves(reply?.Fields);
        if (saves.Any(s => !FieldKeys.IsValid(s.Target))) return new WebhookOutcome(false, Error: "The reply sets a field with an invalid key.");
        var limits = fieldOptions.Value;
        if (saves.GroupBy(s => s.Scope).Any(scope => scope.Count() > limits.MaxFieldsPerScope) || saves.Any(s => s.Value.Length > limits.MaxValueLength))
            return new WebhookOutcome(false, Error: $"The reply sets more than {limits.MaxFieldsPerScope} fields a scope or a value over {limits.MaxValueLength} characters.");
        await variables.SaveAsync(room, saves, now, cancellationToken);
        return new WebhookOutcome(true, saves, reply?.Next);
    }

    private WebhookOutcome Refused(WebhookCall call, string why)
    {
        LogNotCalled(call.RoomId, call.BlockId, why);
        return new WebhookOutcome(false, Error: $"The webhook was not called: {why}.");
    }

    /// <summary>The body as text, or null when it is longer than <see cref="MaxReplyBytes"/> (read no further).</summary>
    private static async Task<string?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxReplyBytes) return null;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxReplyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0) length += read;
        return length > MaxReplyBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static List<FlowSave> ToSaves(WebhookReplyFields? fields) =>
    [
        .. (fields?.User ?? []).Select(f => new FlowSave(f.Key, f.Value, FieldScope.User) { Source = FieldSource.Server }),
        .. (fields?.Room ?? []).Select(f => new FlowSave(f.Key, f.Value, FieldScope.Room) { Source = FieldSource.Server }),
    ];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of room {RoomId} block {BlockId} failed ({Failure}); it will be retried")]
    private partial void LogAttemptFailed(string roomId, string blockId, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of room {RoomId} block {BlockId} not called or not followed: {Why}")]
    private partial void LogNotCalled(string roomId, string blockId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of room {RoomId} block {BlockId} was refused with {StatusCode}")]
    private partial void LogRefused(string roomId, string blockId, int statusCode);
}
