using Livechat.Core.Admin;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Livechat.Core.Agents;

/// <summary>
/// Issues and checks agent tokens: <c>agent.base64url(json).base64url(HMAC-SHA256)</c>. A distinct kind from
/// session tokens: the <c>agent.</c> prefix is part of what is signed, and the key is derived from the admin key
/// with its own label, so a visitor's session token never passes as an agent token, nor the other way round.
/// </summary>
public sealed class AgentTokenService(IOptions<AdminOptions> options, TimeProvider time)
{
    public const string Prefix = "agent.";
    private const int MaxLength = 4096;
    private static readonly byte[] KeyLabel = "livechat/agent-token/v1"u8.ToArray();

    private readonly byte[] _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey), KeyLabel);

    /// <summary>A new token with an id of its own (it works once its <see cref="AgentTokenRecord"/> is stored).</summary>
    public AgentTokenIssued Issue(string agentId, string name, IReadOnlyList<string> departments)
    {
        var now = time.GetUtcNow();
        // Whole seconds, as the token carries it, so expiresAt says exactly when the token stops working.
        var expires = DateTimeOffset.FromUnixTimeSeconds(now.Add(options.Value.AgentTokenLifetime).ToUnixTimeSeconds());
        var tokenId = "t" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var claims = new Claims(agentId, name, [.. departments], expires.ToUnixTimeSeconds(), tokenId);
        var signed = Prefix + Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        return new AgentTokenIssued($"{signed}.{Base64Url.Encode(Sign(signed))}", tokenId, expires);
    }

    /// <summary>The agent when the token is well formed, signed by us and not expired; otherwise null.</summary>
    public AgentIdentity? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength || !token.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var dot = token.LastIndexOf('.');
        if (dot <= Prefix.Length) return null;
        var signed = token[..dot];
        if (signed.IndexOf('.', Prefix.Length) >= 0) return null;
        Claims? claims;
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Base64Url.Decode(token[(dot + 1)..]), Sign(signed))) return null;
            claims = JsonSerializer.Deserialize<Claims>(Base64Url.Decode(signed[Prefix.Length..]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
        if (claims is not { A: { } agentId, N: { } name, D: { } departments, T: { } tokenId }) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(claims.E);
        return expires <= time.GetUtcNow() ? null : new AgentIdentity(agentId, name, departments, expires) { TokenId = tokenId };
    }

    private byte[] Sign(string signed) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed));

    /// <summary>The signed claims, short-named to keep tokens small: agent id, name, departments, expiry (Unix seconds), token id.</summary>
    private sealed record Claims(string? A, string? N, string[]? D, long E, string? T);
}
