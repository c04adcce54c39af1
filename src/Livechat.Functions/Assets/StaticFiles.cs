using Livechat.Api.Assets;
using Livechat.Core.Branding;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Assets;

/// <summary>
/// The files the app serves itself: the widget customers embed, the agent console, the dashboard and the demo pages. The host
/// matches routes in registration order, not by specificity, so there is no catch-all: each folder has its route.
/// </summary>
public sealed class StaticFiles(StaticAssets assets, BrandDirectory brands)
{
    [Function("WidgetScript")]
    public async Task<IResult> Widget([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/widget.js")] HttpRequest request, CancellationToken cancellationToken) =>
        assets.ServeWidgetLoader(request, await brands.ForWidgetAsync(request.Query["site"].FirstOrDefault(), cancellationToken));

    [Function("WidgetBundle")]
    public IResult WidgetBundle([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/widget/{version}.js")] HttpRequest request, string version) =>
        assets.ServeWidgetBundle(request, version);

    [Function("AgentConsole")]
    public IResult AgentConsole([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "agent/{*path}")] HttpRequest request, string? path) =>
        assets.Serve(request, "agent/" + path);

    [Function("Dashboard")]
    public IResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*path}")] HttpRequest request, string? path) =>
        assets.ServeApp(request, "dashboard", path);

    [Function("DemoPage")]
    public IResult DemoPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{page?}")] HttpRequest request, string? page) =>
        page == "agent" ? TypedResults.Redirect("/agent/") : assets.Serve(request, page);

    [Function("SpecPages")]
    public IResult SpecPages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "spec/{page?}")] HttpRequest request, string? page) =>
        assets.Serve(request, "spec/" + page);
}
