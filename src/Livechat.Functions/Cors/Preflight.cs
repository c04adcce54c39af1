using Livechat.Api.Cors;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Cors;

/// <summary>
/// Answers the browser's CORS preflight for every API route: the host forwards a request only to a function whose
/// route and method match, and no other function accepts OPTIONS.
/// </summary>
public sealed class Preflight(CorsPolicy cors)
{
    [Function(nameof(Preflight))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "api/{*path}")] HttpRequest request) =>
        cors.Preflight(request);
}
