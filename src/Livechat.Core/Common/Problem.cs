namespace Livechat.Core.Common;

/// <summary>What went wrong, in terms a host maps to a problem-details response.</summary>
/// <param name="Kind">Which family of HTTP status this problem maps to.</param>
/// <param name="Title">A short, stable summary.</param>
/// <param name="Detail">What the caller should know or do.</param>
/// <param name="Errors">Field name to messages, for validation problems.</param>
public sealed record Problem(ProblemKind Kind, string Title, string? Detail = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>How long the caller should wait before trying again (a <c>Retry-After</c> header), when that is known.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Problem Invalid(string field, string message) =>
        new(ProblemKind.Validation, "The request is not valid.", $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static Problem NotFound(string what, string? field = null) =>
        new(ProblemKind.NotFound, $"{what} was not found.", null, field is null ? null : new Dictionary<string, string[]> { [field] = [$"{what} was not found."] });

    public static Problem Unauthorized(string detail) => new(ProblemKind.Unauthorized, "Not authenticated.", detail);

    public static Problem Forbidden(string detail) => new(ProblemKind.Forbidden, "Not allowed.", detail);

    public static Problem Conflict(string title, string? detail = null) => new(ProblemKind.Conflict, title, detail);

    /// <summary>Something that existed and is used up or over (a redeemed or expired one-time code).</summary>
    public static Problem Gone(string title, string? detail = null) => new(ProblemKind.Gone, title, detail);

    public static Problem TooMany(string detail, TimeSpan? retryAfter = null) =>
        new(ProblemKind.TooManyRequests, "Too many requests.", detail) { RetryAfter = retryAfter };

    public static Problem TooLarge(string field, string message) =>
        new(ProblemKind.TooLarge, "Over a limit.", $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    public static Problem ForbiddenField(string field, string message) =>
        new(ProblemKind.Forbidden, "Not allowed.", $"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });
}

public enum ProblemKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    TooManyRequests,
    TooLarge,
    Unavailable,
    Gone,
}
