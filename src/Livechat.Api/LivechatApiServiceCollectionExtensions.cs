using Livechat.Api.Admin;
using Livechat.Api.Agents;
using Livechat.Api.Cors;
using Livechat.Api.Realtime;
using Livechat.Api.Rooms;
using Livechat.Api.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Api;

/// <summary>Registers the HTTP faces the functions route to.</summary>
public static class LivechatApiServiceCollectionExtensions
{
    public static IServiceCollection AddLivechatApi(this IServiceCollection services)
    {
        services.AddSingleton<Http.VisitorCall>();
        services.AddSingleton<SessionsApi>();
        services.AddSingleton<Admin.RecipesAdminApi>();
        services.AddSingleton<Admin.DepartmentsAdminApi>();
        services.AddSingleton<Admin.BrandsAdminApi>();
        services.AddSingleton<Admin.ConversationsAdminApi>();
        services.AddSingleton<RoomsApi>();
        services.AddSingleton<NegotiateApi>();
        services.AddSingleton<CorsPolicy>();
        services.AddSingleton<Http.AgentCall>();
        services.AddSingleton<Http.AdminCall>();
        services.AddSingleton<AgentsApi>();
        services.AddSingleton<AdminApi>();
        services.AddSingleton<AgentToolsApi>();
        services.AddSingleton<VisitorReportsApi>();
        services.AddSingleton<Admin.CannedResponsesAdminApi>();
        services.AddSingleton<Admin.WebhooksAdminApi>();
        services.AddSingleton<Admin.PrivacyAdminApi>();
        services.AddSingleton<Agents.AgentConversationsApi>();
        services.AddSingleton<Attachments.AttachmentsApi>();
        services.AddSingleton<RoutingApi>();
        services.AddSingleton<VisitorFeedbackApi>();
        services.AddSingleton<AgentHandoverApi>();
        return services;
    }
}
