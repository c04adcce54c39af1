using System.Security.Cryptography;

namespace Livechat.Core.Common;

/// <summary>Identifiers that are safe as Table Storage keys, URL segments and SignalR user ids.</summary>
public static class Ids
{
    /// <summary>A new random id: lowercase hex, 128 bits, so it cannot be guessed from another visitor's.</summary>
    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when the value only has characters allowed in our ids (letters, digits, '-', '_', '.').</summary>
    public static bool IsSafe(string? value, int maxLength = 128) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
