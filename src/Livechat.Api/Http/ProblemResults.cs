using Livechat.Core.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Livechat.Api.Http;

/// <summary>Maps core outcomes to HTTP results; every failure becomes an RFC 7807 problem body.</summary>
public static class ProblemResults
{
    public static IResult ToResult<T>(this Outcome<T> outcome, Func<T, IResult> onSuccess) =>
        outcome.IsSuccess ? onSuccess(outcome.Value!) : outcome.Problem!.ToResult();

    /// <param name="extensions">Members added to the problem body (RFC 7807 extensions), e.g. where to sign in.</param>
    public static IResult ToResult(this Problem problem, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        var status = StatusOf(problem.Kind);
        var details = problem.Errors is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(problem.Errors.ToDictionary(e => e.Key, e => e.Value));
        details.Status = status;
        details.Title = problem.Title;
        details.Detail = problem.Detail;
        details.Type = $"https://httpstatuses.io/{status}";
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>()) details.Extensions[name] = value;
        var result = TypedResults.Problem(details);
        return problem.RetryAfter is { } wait ? new RetryAfterResult(result, wait) : result;
    }

    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Validation => StatusCodes.Status400BadRequest,
        ProblemKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ProblemKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ProblemKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status500InternalServerError,
    };
}
