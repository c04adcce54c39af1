using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text;

namespace Livechat.Core.Admin;

/// <summary>
/// Checks the <c>x-admin-key</c> of an admin call in constant time: both sides are hashed first, so neither the
/// content nor the length of the configured key leaks through timing.
/// </summary>
public sealed class AdminKey(IOptions<AdminOptions> options)
{
    public const string HeaderName = "x-admin-key";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey));

    /// <summary>Null when <paramref name="presented"/> is the admin key; else the 401 problem to answer with.</summary>
    public Problem? Check(string? presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""));
        return !string.IsNullOrEmpty(presented) && CryptographicOperations.FixedTimeEquals(hash, _expected)
            ? null
            : Problem.Unauthorized($"The {HeaderName} header is missing or wrong.");
    }
}
