using System.Security.Cryptography;

namespace Livechat.Core.Webhooks.Events;

/// <summary>
/// Event ids that sort by time: <c>evt_</c>, the Unix milliseconds in 12 hex digits, 10 random hex digits. Ordinal
/// order is time order, so "after this id" is a key range of the event log.
/// </summary>
public static class WebhookEventIds
{
    private const string Prefix = "evt_";
    private const int TimeDigits = 12;
    private const int RandomDigits = 10;

    public static string New(DateTimeOffset at) => Floor(at) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(RandomDigits / 2));

    /// <summary>A key below every id made at or after <paramref name="at"/> and above every one made before it.</summary>
    public static string Floor(DateTimeOffset at) => Prefix + at.ToUnixTimeMilliseconds().ToString("x" + TimeDigits);

    public static bool IsValid(string? id) =>
        id is { Length: 4 + TimeDigits + RandomDigits } && id.StartsWith(Prefix, StringComparison.Ordinal) && id.AsSpan(4).ContainsAnyExcept("0123456789abcdef") is false;

    /// <summary>When an id (or a floor) was made.</summary>
    public static DateTimeOffset TimeOf(string id) => DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(id.Substring(4, TimeDigits), 16));
}
