namespace Livechat.Core.Limits;

/// <summary>One limit's counter for one client in one fixed window.</summary>
/// <param name="Limit">The limit's name, safe as a Table Storage key ("sessions-address").</param>
/// <param name="WindowStart">The window's start, UTC, a whole minute.</param>
/// <param name="Client">Whom it counts: a pseudonym of an address, or <see cref="AllClients"/> for a total.</param>
public sealed record RateCounterKey(string Limit, DateTimeOffset WindowStart, string Client)
{
    /// <summary>The client of a total's counter.</summary>
    public const string AllClients = "all";
}
