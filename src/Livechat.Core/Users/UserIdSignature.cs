using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Livechat.Core.Users;

/// <summary>Checks setUserId's identity-verification signature: lowercase or uppercase hex of HMAC-SHA256(secret, userId).</summary>
public sealed class UserIdSignature(IOptions<IdentityOptions> options)
{
    public bool Required => !string.IsNullOrEmpty(options.Value.UserIdSecret);

    public bool IsValid(string userId, string? signature)
    {
        if (!Required) return options.Value.AllowUnverifiedUserIds;
        if (string.IsNullOrEmpty(signature) || signature.Length != 64) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        var expected = Compute(options.Value.UserIdSecret!, userId);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    public static byte[] Compute(string secret, string userId) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(userId));
}
