using Azure.Core.Serialization;
using Azure.Storage.Blobs;
using Livechat.Api;
using Livechat.Api.Assets;
using Livechat.Api.Cors;
using Livechat.Azure;
using Livechat.Azure.SignalR;
using Livechat.Azure.Tables;
using Livechat.Core.Admin;
using Livechat.Core.Common;
using Livechat.Core.Rooms;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Livechat.Core.Webhooks;
using Livechat.Functions.Cors;
using Livechat.Functions.Durable;
using Livechat.Functions.Middleware;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Livechat.Functions;

/// <summary>The worker's host: middleware and services. Program runs it; a test builds the same one.</summary>
public static class LivechatWorker
{
    public static IHostBuilder CreateBuilder() => new HostBuilder()
        .ConfigureFunctionsWebApplication(worker =>
        {
            worker.UseWhen<ExceptionHandlingMiddleware>(IsHttp);
            worker.UseWhen<CorsMiddleware>(IsHttp);
            worker.UseWhen<DurableClientMiddleware>(DurableClientMiddleware.Applies);
        })
        .ConfigureLogging(logging =>
        {
            // Each of the worker's log lines goes to the host and, on Azure, into Application Insights, billed by the
            // gigabyte. These three say at Information what every call does (a hub send: five lines; a response: two),
            // more lines than the app's own, and nothing a failure would not say at Warning.
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
            logging.AddFilter("Polly", LogLevel.Warning);
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
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
            // Local development's conveniences, on only there unless a setting says otherwise; each is logged at start-up.
            var development = context.HostingEnvironment.IsDevelopment();
            bool InDevelopmentUnlessSet(string key) => development && context.Configuration[key] is null;
            services.AddValidatedOptions<CorsOptions>(context.Configuration, "Cors")
                .PostConfigure(o => o.AllowLocalhost |= InDevelopmentUnlessSet("Cors:AllowLocalhost"));
            // Pages that may call the API may upload to the blob service too, unless a setting names others.
            // Read from the settings, not IOptions<CorsOptions>, so a bad origin is refused once, naming Cors's own setting.
            var corsLocalhost = bool.TryParse(context.Configuration["Cors:AllowLocalhost"], out var allowLocalhost) ? allowLocalhost : development;
            var corsOrigins = context.Configuration["Cors:AllowedOrigins"];
            services.PostConfigure<StorageOptions>(storage => storage.BlobCorsOrigins ??= corsLocalhost ? "*" : corsOrigins);
            services.PostConfigure<IdentityOptions>(o => o.AllowUnverifiedUserIds |= InDevelopmentUnlessSet("Identity:AllowUnverifiedUserIds"));
            services.PostConfigure<WebhookOptions>(o => o.AllowPrivateNetworks |= InDevelopmentUnlessSet("Webhooks:AllowPrivateNetworks"));
            if (!development) RefuseDevelopmentKeys(services);
            services.AddHostedService<StartupWarnings>();
            services.AddSingleton<IRoomOrchestrations, FunctionsRoomOrchestrations>();
            services.AddSingleton<Core.Webhooks.Events.IWebhookPumps, Webhooks.FunctionsWebhookPumps>();
            services.AddSingleton<Core.Privacy.IRoomHistories, FunctionsRoomHistories>();
            services.AddSignalRService(context.Configuration);
            services.AddSingleton(sp => new StaticAssets(StaticAssets.DefaultRoot, sp.GetRequiredService<SignalRTokenFactory>().Endpoint,
                sp.GetRequiredService<BlobServiceClient>().Uri.GetLeftPart(UriPartial.Authority)));
        });

    /// <summary>Outside development a public development key (local.settings.example.json, the emulators') stops the app.</summary>
    private static void RefuseDevelopmentKeys(IServiceCollection services)
    {
        const string Refused = " holds a development key, public in this repository: set a secret of your own.";
        services.AddOptions<SessionOptions>().Validate(o => !DevelopmentKeys.IsKnown(o.SigningKey), "Sessions:SigningKey" + Refused);
        services.AddOptions<AdminOptions>().Validate(o => !DevelopmentKeys.IsKnown(o.ApiKey), "Admin:ApiKey" + Refused);
        services.AddOptions<WebhookOptions>().Validate(o => !DevelopmentKeys.IsKnown(o.SigningSecret), "Webhooks:SigningSecret" + Refused);
        services.AddOptions<IdentityOptions>().Validate(o => !DevelopmentKeys.IsKnown(o.UserIdSecret), "Identity:UserIdSecret" + Refused);
        services.AddOptions<SignalRServiceOptions>().Validate(o => !DevelopmentKeys.IsKnown(o.ConnectionString), "SignalR:ConnectionString" + Refused);
    }

    private static bool IsHttp(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "httpTrigger");
}
