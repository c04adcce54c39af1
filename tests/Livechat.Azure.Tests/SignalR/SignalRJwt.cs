using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using System.Text;
using System.Text.Json;

namespace Livechat.Azure.Tests.SignalR;

/// <summary>Validates tokens the way Azure SignalR Service does: HS256 with the AccessKey's UTF-8 bytes, audience, expiry.</summary>
public static class SignalRJwt
{
    public static async Task<JsonWebToken> ValidateAsync(string token, string accessKey, string audience)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidAudience = audience,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(accessKey)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.Zero,
        });
        Assert.True(result.IsValid, $"Token rejected: {result.Exception}");
        var jwt = Assert.IsType<JsonWebToken>(result.SecurityToken);
        Assert.Equal("HS256", jwt.Alg);
        return jwt;
    }

    /// <summary>The payload's claim names exactly as emitted.</summary>
    public static IReadOnlyList<string> PayloadClaimNames(JsonWebToken token)
    {
        using var document = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        return [.. document.RootElement.EnumerateObject().Select(property => property.Name)];
    }
}
