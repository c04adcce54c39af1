using Livechat.Api.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Livechat.Functions.Middleware;

/// <summary>Turns an unhandled exception in an HTTP function into a problem response, logged, without internals.</summary>
internal sealed partial class ExceptionHandlingMiddleware(ILogger<ExceptionHandlingMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            LogFailed(exception, context.FunctionDefinition.Name);
            var http = context.GetHttpContext();
            if (http is null || http.Response.HasStarted) throw;
            await ExceptionProblems.WriteAsync(http, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed")]
    private partial void LogFailed(Exception exception, string functionName);
}
