using Livechat.Core.Common;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text;

namespace Livechat.Core.Limits;

/// <summary>
/// Limits on new sessions and new chats per network address (exact: one counter write per admitted call) and in
/// total (leased in batches), counted in shared storage so they hold however many instances serve the app.
/// </summary>
public sealed class ClientRateLimiter
{
    private static readonly byte[] PseudonymLabel = "livechat/rate-limit-address/v1"u8.ToArray();

    private readonly SharedCounters _counters;
    private readonly TimeProvider _time;
    private readonly byte[] _pseudonymKey;
    private readonly RateLimit _sessionsPerAddress;
    private readonly RateLimit _roomsPerAddress;
    private readonly LeasedAllowance _allSessions;
    private readonly LeasedAllowance _allRooms;

    public ClientRateLimiter(SharedCounters counters, IOptions<LimitOptions> options, IOptions<SessionOptions> sessions, TimeProvider time)
    {
        _counters = counters;
        _time = time;
        // Addresses are personal data and counter rows outlive their window: only a keyed hash is stored, under a key
        // of its own derived from the session signing key, so nobody without the app's secret can test an address.
        _pseudonymKey = HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessions.Value.SigningKey), PseudonymLabel);
        var limits = options.Value;
        _sessionsPerAddress = new(SessionsPerAddressName, AddressWindow, limits.SessionsPerAddressPerHour, "new sessions an hour from one network address");
        _roomsPerAddress = new(RoomsPerAddressName, AddressWindow, limits.RoomsPerAddressPerHour, "new chats an hour from one network address");
        _allSessions = new(counters, new(AllSessionsName, TotalWindow, limits.TotalSessionsPerMinute, "new sessions a minute on this service"));
        _allRooms = new(counters, new(AllRoomsName, TotalWindow, limits.TotalRoomsPerMinute, "new chats a minute on this service"));
    }

    private static readonly TimeSpan AddressWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan TotalWindow = TimeSpan.FromMinutes(1);
    private const string SessionsPerAddressName = "sessions-address";
    private const string RoomsPerAddressName = "rooms-address";
    private const string AllSessionsName = "sessions-total";
    private const string AllRoomsName = "rooms-total";

    /// <summary>The limits' counter names, for <see cref="RateCounterRetention"/>.</summary>
    public static IReadOnlyList<string> LimitNames { get; } = [SessionsPerAddressName, RoomsPerAddressName, AllSessionsName, AllRoomsName];

    /// <summary>The longest window of any limit: a counter whose window started this long ago counts nothing more.</summary>
    public static readonly TimeSpan LongestWindow = AddressWindow;

    /// <summary>Null when <paramref name="client"/> may create a session now (and it is counted); else the 429.</summary>
    public Task<Problem?> TrySessionAsync(ClientKey client, CancellationToken cancellationToken) =>
        TryAsync(_sessionsPerAddress, _allSessions, client, cancellationToken);

    /// <summary>Null when <paramref name="client"/> may start a chat now (and it is counted); else the 429.</summary>
    public Task<Problem?> TryRoomAsync(ClientKey client, CancellationToken cancellationToken) =>
        TryAsync(_roomsPerAddress, _allRooms, client, cancellationToken);

    /// <summary>The stored stand-in for an address: 128 bits of its HMAC, hex.</summary>
    private string Pseudonym(ClientKey client) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_pseudonymKey, Encoding.UTF8.GetBytes(client.Address)).AsSpan(0, 16));

    private async Task<Problem?> TryAsync(RateLimit perAddress, LeasedAllowance total, ClientKey client, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        // Once the total is known to be spent a flood costs no storage call at all.
        if (total.IsSpent(now)) return total.Limit.Refusal(now);
        // The address first: a call it refuses must not spend the total, or one address could use it all up.
        if (perAddress.IsOn && await _counters.TakeAsync(perAddress.KeyFor(now, Pseudonym(client)), 1, perAddress.Max, likelyNew: true, cancellationToken) is not > 0)
            return perAddress.Refusal(now);
        return await total.TryTakeAsync(now, cancellationToken) ? null : total.Limit.Refusal(now);
    }
}
