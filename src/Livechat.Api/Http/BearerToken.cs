using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Http;

/// <summary>Extracts the session token from <c>Authorization: Bearer ...</c>.</summary>
public static class BearerToken
{
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }
}
