using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Livechat.Benchmark.EchoApp;

/// <summary>
/// The orchestration echo: an instance waits for an event and answers it through one activity, as a room's
/// orchestration answers a visitor's message through the bot's activity, minus everything the Livechat app does
/// around it. The benchmark starts instances and pings them over HTTP, as the widget reaches a room.
/// </summary>
public static class Echo
{
    public const string EventName = "ping";

    /// <summary>Echoes <c>events</c> raised events, each through <see cref="EchoActivity"/>; events raised meanwhile are buffered by the SDK.</summary>
    [Function(nameof(EchoOrchestrator))]
    public static async Task<int> EchoOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var events = context.GetInput<int>();
        for (var i = 0; i < events; i++)
        {
            var key = await context.WaitForExternalEvent<string>(EventName);
            await context.CallActivityAsync<string>(nameof(EchoActivity), key);
        }
        return events;
    }

    /// <summary>The answer: notes when it ran, the point where the bot's activity would send its reply.</summary>
    [Function(nameof(EchoActivity))]
    public static string EchoActivity([ActivityTrigger] string key)
    {
        Replies.Ran(key, Stopwatch.GetTimestamp());
        return key;
    }

    /// <summary>Starts an instance that echoes <c>?events=N</c> events.</summary>
    [Function("StartEcho")]
    public static async Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/echo/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client, string instanceId)
    {
        if (!int.TryParse(request.Query["events"], out var events) || events < 1) return TypedResults.BadRequest("events=N, N ≥ 1");
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), events, new StartOrchestrationOptions(instanceId), request.HttpContext.RequestAborted);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// Raises one event and answers when its activity ran, with the activity's Stopwatch timestamp (the machine's
    /// monotonic clock, which the benchmark's process reads too), so the caller times raise → activity ran without
    /// this answer's way back; 504 when it did not run within <c>?timeoutSeconds</c> (30 by default).
    /// </summary>
    [Function("PingEcho")]
    public static async Task<IResult> Ping(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/echo/{instanceId}/ping/{tag}")] HttpRequest request,
        [DurableClient] DurableTaskClient client, string instanceId, string tag)
    {
        var timeout = TimeSpan.FromSeconds(int.TryParse(request.Query["timeoutSeconds"], out var seconds) ? Math.Clamp(seconds, 1, 120) : 30);
        var key = $"{instanceId}/{tag}";
        var ran = Replies.Expect(key);
        try
        {
            await client.RaiseEventAsync(instanceId, EventName, key, request.HttpContext.RequestAborted);
            return TypedResults.Ok(new { ranAt = await ran.WaitAsync(timeout, request.HttpContext.RequestAborted) });
        }
        catch (TimeoutException)
        {
            return TypedResults.StatusCode(StatusCodes.Status504GatewayTimeout);
        }
        finally
        {
            Replies.Forget(key);
        }
    }

    /// <summary>
    /// Answers 200 on the path tests/Livechat.LocalStack's FunctionsHost probes to tell that an app is up (the
    /// Livechat app's widget script): the host says it started before its worker can serve.
    /// </summary>
    [Function("Ready")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0060", Justification = "The HTTP trigger binds to this parameter.")]
    public static IResult Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/widget.js")] HttpRequest request) =>
        TypedResults.Text("// the benchmark's echo app, not the widget", "text/javascript");

    /// <summary>Activity runs and their waiting pings meet here, whichever comes first (one worker process per host).</summary>
    private static class Replies
    {
        private static readonly ConcurrentDictionary<string, TaskCompletionSource<long>> Waiting = new();

        public static Task<long> Expect(string key) => Get(key).Task;

        public static void Ran(string key, long at) => Get(key).TrySetResult(at);

        public static void Forget(string key) => Waiting.TryRemove(key, out _);

        private static TaskCompletionSource<long> Get(string key) =>
            Waiting.GetOrAdd(key, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
