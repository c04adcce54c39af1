namespace Livechat.Azure.Tests.SignalR;

/// <summary>One request as <see cref="FakeSignalRServer"/> received it; <c>RawTarget</c> is the path and query exactly as sent.</summary>
public sealed record RecordedRequest(
    string Method,
    string RawTarget,
    string UrlWithoutQuery,
    string? Authorization,
    string? ContentType,
    string Body,
    DateTimeOffset ReceivedAt)
{
    public string BearerToken =>
        Authorization is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal)
            ? value["Bearer ".Length..]
            : throw new InvalidOperationException($"No bearer token in '{Authorization}'.");
}
