using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Livechat.LocalServer.Realtime;

/// <summary>HS256 tokens for the local hub carrying the user id as <c>nameid</c>, like Azure SignalR client tokens.</summary>
public sealed class HubTokens(IOptions<LocalRealtimeOptions> options, TimeProvider time)
{
    public const string UserIdClaim = "nameid";
    private const string Audience = "livechat-local-hub";
    private readonly SymmetricSecurityKey _key = new(Encoding.UTF8.GetBytes(options.Value.SigningKey));
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(string userId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Audience = Audience,
            Claims = new Dictionary<string, object> { [UserIdClaim] = userId },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(options.Value.TokenLifetime),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    public async Task<ClaimsPrincipal?> ValidateAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidAudience = Audience,
            ValidateIssuer = false,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            LifetimeValidator = (notBefore, expires, _, _) => expires > time.GetUtcNow().UtcDateTime,
        });
        return result.IsValid ? new ClaimsPrincipal(result.ClaimsIdentity) : null;
    }
}
