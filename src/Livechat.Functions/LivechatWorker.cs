using Azure.Core.Serialization;
using Livechat.Api;
using Livechat.Api.Cors;
using Livechat.Azure;
using Livechat.Azure.SignalR;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Livechat.Functions.Cors;
using Livechat.Functions.Durable;
using Livechat.Functions.Middleware;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Livechat.Functions;

/// <summary>The worker's host: middleware and services. Program runs it; a test builds the same one.</summary>
public static class LivechatWorker
{
    public static IHostBuilder CreateBuilder() => new HostBuilder()
        .ConfigureFunctionsWebApplication(worker =>
        {
            worker.UseWhen<ExceptionHandlingMiddleware>(IsHttp);
            worker.UseWhen<CorsMiddleware>(IsHttp);
        })
        .ConfigureServices((context, services) =>
        {
            // Worker.ApplicationInsights refuses to start unless the SDK itself is registered first.
            services.AddApplicationInsightsTelemetryWorkerService();
            services.ConfigureFunctionsApplicationInsights();
            // Orchestration data and HTTP payloads share one JSON shape.
            services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(LivechatJson.Options));
            services.ConfigureHttpJsonOptions(o => LivechatJson.Configure(o.SerializerOptions));
            services.AddLivechat(context.Configuration);
            services.AddLivechatApi();
            services.AddValidatedOptions<CorsOptions>(context.Configuration, "Cors")
                .PostConfigure(o => o.AllowLocalhost |= context.HostingEnvironment.IsDevelopment());
            services.AddHostedService<CorsStartupLog>();
            services.AddSingleton<IRoomOrchestrations, FunctionsRoomOrchestrations>();
            services.AddSignalRService(context.Configuration);
        });

    private static bool IsHttp(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "httpTrigger");
}
