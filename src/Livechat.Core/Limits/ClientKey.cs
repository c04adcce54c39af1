namespace Livechat.Core.Limits;

/// <summary>
/// Whom a per-address limit counts: the caller's network address as the HTTP face read it, an IPv6 address by its
/// /64. Never stored as it is: the counters hold a keyed hash of it.
/// </summary>
public readonly record struct ClientKey(string Address)
{
    /// <summary>A caller whose address could not be read; all such callers share one count.</summary>
    public static ClientKey Unknown { get; } = new("unknown");
}
