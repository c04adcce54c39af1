using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text;

namespace Livechat.Core.Sessions;

/// <summary>
/// Issues and checks session tokens: <c>base64url(sessionId.visitorId.expiryUnix).base64url(HMAC-SHA256)</c>.
/// A self-contained HMAC token lets every call reject a forged or expired token before any storage read.
/// </summary>
public sealed class SessionTokenService(IOptions<SessionOptions> options, TimeProvider time)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.SigningKey);

    public (string Token, DateTimeOffset ExpiresAt) Issue(string sessionId, string visitorId)
    {
        var expires = time.GetUtcNow().Add(options.Value.TokenLifetime);
        var payload = $"{sessionId}.{visitorId}.{expires.ToUnixTimeSeconds()}";
        var body = Base64Url.Encode(Encoding.UTF8.GetBytes(payload));
        return ($"{body}.{Base64Url.Encode(Sign(body))}", expires);
    }

    /// <summary>The token's claims when it is well formed, signed by us and not expired; otherwise null.</summary>
    public SessionToken? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 512) return null;
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot != token.LastIndexOf('.')) return null;
        var body = token[..dot];
        byte[] signature;
        byte[] payloadBytes;
        try
        {
            signature = Base64Url.Decode(token[(dot + 1)..]);
            payloadBytes = Base64Url.Decode(body);
        }
        catch (FormatException)
        {
            return null;
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(body))) return null;
        var parts = Encoding.UTF8.GetString(payloadBytes).Split('.');
        if (parts.Length != 3 || !long.TryParse(parts[2], out var unix)) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(unix);
        return expires <= time.GetUtcNow() ? null : new SessionToken(parts[0], parts[1], expires);
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));
}
