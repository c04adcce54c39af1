namespace Livechat.LocalServer.Realtime;

/// <summary>
/// Authenticates hub connections from the negotiated token (query <c>access_token</c> for WebSockets, else the
/// Authorization header), so a visitor can only ever receive its own events.
/// </summary>
public sealed class HubAuthenticationMiddleware(RequestDelegate next, HubTokens tokens)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ChatHub.Path))
        {
            var token = context.Request.Query["access_token"].ToString();
            if (token.Length == 0)
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header[7..];
            }
            var principal = token.Length == 0 ? null : await tokens.ValidateAsync(token);
            if (principal is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            context.User = principal;
        }
        await next(context);
    }
}
