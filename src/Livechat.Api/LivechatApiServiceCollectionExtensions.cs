using Livechat.Api.Admin;
using Livechat.Api.Agents;
using Livechat.Api.Realtime;
using Livechat.Api.Rooms;
using Livechat.Api.Sessions;
using Livechat.Api.Widget;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Api;

/// <summary>Registers the HTTP faces both hosts route to.</summary>
public static class LivechatApiServiceCollectionExtensions
{
    public static IServiceCollection AddLivechatApi(this IServiceCollection services)
    {
        services.AddSingleton<Http.VisitorCall>();
        services.AddSingleton<SessionsApi>();
        services.AddSingleton<RoomsApi>();
        services.AddSingleton<NegotiateApi>();
        services.AddSingleton(_ => new WidgetScript(WidgetScript.DefaultPath));
        services.AddSingleton<Http.AgentCall>();
        services.AddSingleton<Http.AdminCall>();
        services.AddSingleton<AgentsApi>();
        services.AddSingleton<AdminApi>();
        return services;
    }
}
