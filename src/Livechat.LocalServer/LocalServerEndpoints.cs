using Livechat.Api.Realtime;
using Livechat.Api.Rooms;
using Livechat.Api.Sessions;
using Livechat.Api.Widget;

namespace Livechat.LocalServer;

/// <summary>The same routes as the Functions app, each a one-line call into the shared API classes.</summary>
public static class LocalServerEndpoints
{
    public static IEndpointRouteBuilder MapLivechatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/widget.js", (HttpRequest r, WidgetScript script) => script.Get(r));

        var v1 = api.MapGroup("/v1");
        v1.MapPost("/sessions", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.CreateAsync(r, ct));
        v1.MapGet("/session", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.GetAsync(r, ct));
        v1.MapPut("/session/user", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.SetUserIdAsync(r, ct));
        v1.MapPut("/session/params", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.SetUserParamsAsync(r, ct));
        v1.MapGet("/session/fields", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.ListCustomFieldsAsync(r, ct));
        v1.MapPut("/session/fields/{key}", (HttpRequest r, string key, SessionsApi s, CancellationToken ct) => s.SetCustomFieldAsync(r, key, ct));
        v1.MapPut("/session/department", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.SetDepartmentAsync(r, ct));
        v1.MapDelete("/session/department", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.ClearDepartmentAsync(r, ct));
        v1.MapPut("/session/recipe", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.SetRecipeAsync(r, ct));
        v1.MapDelete("/session/recipe", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.ClearRecipeAsync(r, ct));
        v1.MapPost("/session/logout", (HttpRequest r, SessionsApi s, CancellationToken ct) => s.LogoutAsync(r, ct));
        v1.MapPost("/negotiate", (HttpRequest r, NegotiateApi n, CancellationToken ct) => n.NegotiateAsync(r, ct));
        v1.MapPost("/rooms", (HttpRequest r, RoomsApi rooms, CancellationToken ct) => rooms.OpenAsync(r, ct));
        v1.MapGet("/rooms/{roomId}/messages", (HttpRequest r, string roomId, RoomsApi rooms, CancellationToken ct) => rooms.ReadMessagesAsync(r, roomId, ct));
        v1.MapPost("/rooms/{roomId}/messages", (HttpRequest r, string roomId, RoomsApi rooms, CancellationToken ct) => rooms.PostMessageAsync(r, roomId, ct));
        v1.MapPost("/rooms/{roomId}/close", (HttpRequest r, string roomId, RoomsApi rooms, CancellationToken ct) => rooms.CloseAsync(r, roomId, ct));
        return app;
    }
}
