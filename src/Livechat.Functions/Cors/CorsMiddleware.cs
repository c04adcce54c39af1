using Livechat.Api.Cors;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Livechat.Functions.Cors;

/// <summary>Adds the CORS headers to every HTTP function's response, before the function writes it.</summary>
internal sealed class CorsMiddleware(CorsPolicy cors) : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http) cors.Apply(http.Request);
        return next(context);
    }
}
