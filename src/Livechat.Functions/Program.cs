using Azure.Core.Serialization;
using Livechat.Api;
using Livechat.Azure;
using Livechat.Azure.SignalR;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Livechat.Functions.Durable;
using Livechat.Functions.Middleware;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var host = new HostBuilder()
    .ConfigureFunctionsWebApplication(worker =>
        worker.UseWhen<ExceptionHandlingMiddleware>(context => context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "httpTrigger")))
    .ConfigureServices((context, services) =>
    {
        services.ConfigureFunctionsApplicationInsights();
        // Orchestration data and HTTP payloads share one JSON shape with the local server.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(LivechatJson.Options));
        services.ConfigureHttpJsonOptions(o => LivechatJson.Configure(o.SerializerOptions));
        services.AddLivechat(context.Configuration);
        services.AddLivechatApi();
        services.AddSingleton<IRoomOrchestrations, FunctionsRoomOrchestrations>();
        services.AddSignalRService(context.Configuration);
    })
    .Build();

host.Run();
