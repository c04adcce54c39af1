using System.Security.Cryptography;
using System.Text;

namespace Livechat.Core.Webhooks;

/// <summary>
/// Signs webhook bodies: <c>X-Livechat-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))</c>
/// with <c>X-Livechat-Timestamp</c> in Unix seconds, so a receiver can reject forged and replayed calls.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Livechat-Signature";
    public const string TimestampHeader = "X-Livechat-Timestamp";

    public static string Compute(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public static bool Verify(string secret, long timestamp, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}
