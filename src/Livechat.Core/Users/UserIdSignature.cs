using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Livechat.Core.Users;

/// <summary>
/// Checks setUserId's proof that the customer's server vouches for the id, in either form:
/// <list type="bullet">
/// <item>a user token: an HS256 JWT signed with the secret, <c>sub</c> = the user id, <c>exp</c> at most
/// <see cref="MaxTokenLifetime"/> ahead (it expires, so a copied token is good for minutes);</item>
/// <item>a signature: hex of HMAC-SHA256(secret, userId) (it never expires; rotate the secret to revoke).</item>
/// </list>
/// </summary>
public sealed class UserIdSignature(IOptions<IdentityOptions> options, TimeProvider time)
{
    /// <summary>The longest a user token may be valid for; a token that claims more is refused.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromHours(1);

    public bool Required => !string.IsNullOrEmpty(options.Value.UserIdSecret);

    /// <summary>
    /// Names the secret in force without revealing it (a truncated HMAC of a fixed label): stored with each proven
    /// link, so rotating the secret voids every link the old one proved. Null when verification is off.
    /// </summary>
    public string? KeyId => _keyId.Value;

    private readonly Lazy<string?> _keyId = new(() => string.IsNullOrEmpty(options.Value.UserIdSecret) ? null
        : Base64Url.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.UserIdSecret), "livechat user link"u8)[..12]));

    public bool IsValid(string userId, string? proof)
    {
        if (!Required) return options.Value.AllowUnverifiedUserIds;
        if (string.IsNullOrEmpty(proof) || proof.Length > 4096) return false;
        var secret = Encoding.UTF8.GetBytes(options.Value.UserIdSecret!);
        return proof.Count(c => c == '.') == 2 ? IsValidToken(secret, userId, proof) : IsValidSignature(secret, userId, proof);
    }

    public static byte[] Compute(string secret, string userId) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId));

    private static bool IsValidSignature(byte[] secret, string userId, string signature)
    {
        if (signature.Length != 64) return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(signature), HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(userId)));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private bool IsValidToken(byte[] secret, string userId, string token)
    {
        var parts = token.Split('.');
        try
        {
            var expected = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(Base64Url.Decode(parts[2]), expected)) return false;
            using var header = JsonDocument.Parse(Base64Url.Decode(parts[0]));
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.GetString() != "HS256") return false;
            using var payload = JsonDocument.Parse(Base64Url.Decode(parts[1]));
            var claims = payload.RootElement;
            if (!claims.TryGetProperty("sub", out var sub) || sub.GetString() != userId) return false;
            if (!claims.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expires)) return false;
            var now = time.GetUtcNow();
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
            return expiresAt > now && expiresAt <= now + MaxTokenLifetime;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
