using Livechat.Api;
using Livechat.Api.Http;
using Livechat.Azure;
using Livechat.Azure.Durable;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Livechat.LocalServer;
using Livechat.LocalServer.Realtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddLivechat(builder.Configuration);
builder.Services.AddLivechatApi();
builder.Services.ConfigureHttpJsonOptions(o => LivechatJson.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddHttpContextAccessor();

// Realtime: an in-process hub in place of Azure SignalR Service, same events and payloads.
builder.Services.AddValidatedOptions<LocalRealtimeOptions>(builder.Configuration, "LocalRealtime");
builder.Services.AddSingleton<HubTokens>();
builder.Services.AddSingleton<LocalGroupMembership>();
builder.Services.AddSingleton<IUserIdProvider, NameIdUserIdProvider>();
builder.Services.AddSingleton<IRealtimePublisher, HubRealtimePublisher>();
builder.Services.AddSingleton<IRealtimeNegotiator, LocalHubNegotiator>();
builder.Services.AddSignalR().AddJsonProtocol(o => LivechatJson.Configure(o.PayloadSerializerOptions));

// Durable: the Durable Task engine on Azure Storage (Azurite), the engine Durable Functions runs on.
builder.Services.AddValidatedOptions<DurableEngineOptions>(builder.Configuration, "Durable");
builder.Services.AddSingleton(DurableTaskEngine.OnAzureStorage);
builder.Services.AddHostedService(sp => sp.GetRequiredService<DurableTaskEngine>());
builder.Services.AddSingleton<IRoomOrchestrations>(sp => new TaskHubClientRoomOrchestrations(sp.GetRequiredService<DurableTaskEngine>().Client));

var allowedOrigins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(allowedOrigins).AllowAnyHeader().AllowAnyMethod().AllowCredentials()));

var app = builder.Build();

app.UseExceptionHandler(errors => errors.Run(context =>
    ExceptionProblems.WriteAsync(context, context.Features.Get<IExceptionHandlerFeature>()!.Error)));
// Unmatched routes and methods answer with a problem body too, not an empty 404/405.
app.UseStatusCodePages();
app.UseCors();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseMiddleware<HubAuthenticationMiddleware>();
app.MapHub<ChatHub>(ChatHub.Path);
app.MapLivechatApi();
app.MapAgentApi();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
