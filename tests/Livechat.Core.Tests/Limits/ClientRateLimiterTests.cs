using Livechat.Core.Common;
using Livechat.Core.Limits;
using Livechat.Core.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Livechat.Core.Tests.Limits;

public sealed class ClientRateLimiterTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ClientKey Office = new("203.0.113.7");
    private static readonly ClientKey Home = new("198.51.100.20");

    private readonly InMemoryRateCounterStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 4, 10, 20, 0, TimeSpan.Zero));

    /// <summary>
    /// A limiter as one Functions instance holds it; several on one store are several instances. Windows follow the
    /// fake clock; the pauses between lost races are real (a few milliseconds).
    /// </summary>
    private ClientRateLimiter Instance(LimitOptions limits, string signingKey = "core-tests-signing-key-0123456789abcdef") =>
        new(new SharedCounters(_store, TimeProvider.System), Options.Create(limits), Options.Create(new SessionOptions { SigningKey = signingKey }), _time);

    private static LimitOptions PerAddressOnly(int sessions = 0, int rooms = 0) =>
        new() { SessionsPerAddressPerHour = sessions, RoomsPerAddressPerHour = rooms, TotalSessionsPerMinute = 0, TotalRoomsPerMinute = 0 };

    private static LimitOptions TotalOnly(int sessions) =>
        new() { SessionsPerAddressPerHour = 0, RoomsPerAddressPerHour = 0, TotalSessionsPerMinute = sessions, TotalRoomsPerMinute = 0 };

    [Fact]
    public async Task TrySessionAsync_OverTheAddressLimit_RefusedUntilTheHourEnds_WhileAnotherAddressIsCountedApart()
    {
        var limiter = Instance(PerAddressOnly(sessions: 3));
        for (var i = 0; i < 3; i++) Assert.Null(await limiter.TrySessionAsync(Office, None));

        var refused = await limiter.TrySessionAsync(Office, None);

        Assert.Equal(ProblemKind.TooManyRequests, refused?.Kind);
        Assert.Equal(TimeSpan.FromMinutes(40), refused!.RetryAfter);
        Assert.Contains("At most 3 new sessions an hour from one network address; try again in 2400 s.", refused.Detail);
        Assert.Null(await limiter.TrySessionAsync(Home, None));
        Assert.Equal(4, _store.CountOf("sessions-address"));
    }

    [Fact]
    public async Task TrySessionAsync_TheNextHour_AdmitsTheAddressAgain()
    {
        var limiter = Instance(PerAddressOnly(sessions: 2));
        await limiter.TrySessionAsync(Office, None);
        await limiter.TrySessionAsync(Office, None);
        _time.Advance(TimeSpan.FromMinutes(39) + TimeSpan.FromSeconds(59));
        Assert.NotNull(await limiter.TrySessionAsync(Office, None));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(await limiter.TrySessionAsync(Office, None));
        Assert.Null(await limiter.TrySessionAsync(Office, None));
        Assert.NotNull(await limiter.TrySessionAsync(Office, None));
    }

    [Fact]
    public async Task TryRoomAsync_CountsNewChatsApartFromSessions()
    {
        var limiter = Instance(PerAddressOnly(sessions: 1, rooms: 2));
        Assert.Null(await limiter.TrySessionAsync(Office, None));
        Assert.NotNull(await limiter.TrySessionAsync(Office, None));

        Assert.Null(await limiter.TryRoomAsync(Office, None));
        Assert.Null(await limiter.TryRoomAsync(Office, None));
        var refused = await limiter.TryRoomAsync(Office, None);

        Assert.Contains("2 new chats an hour from one network address", refused?.Detail);
    }

    [Fact]
    public async Task TrySessionAsync_CallsTheAddressRefuses_SpendNothingOfTheTotal()
    {
        var limiter = Instance(new LimitOptions { SessionsPerAddressPerHour = 1, TotalSessionsPerMinute = 3 });
        Assert.Null(await limiter.TrySessionAsync(Office, None));
        for (var i = 0; i < 10; i++) Assert.NotNull(await limiter.TrySessionAsync(Office, None));

        Assert.Null(await limiter.TrySessionAsync(Home, None));
        Assert.Null(await limiter.TrySessionAsync(new ClientKey("192.0.2.30"), None));
        var refused = await limiter.TrySessionAsync(new ClientKey("192.0.2.31"), None);

        Assert.Contains("3 new sessions a minute on this service", refused?.Detail);
        Assert.Equal(TimeSpan.FromMinutes(1), refused!.RetryAfter);
    }

    [Fact]
    public async Task TrySessionAsync_TwoInstancesTakingTurns_ShareTheTotal_WithOneWritePerBatchOfTen()
    {
        var first = Instance(TotalOnly(200));
        var second = Instance(TotalOnly(200));
        int admittedByFirst = 0, admittedBySecond = 0;

        for (var i = 0; i < 300; i++)
        {
            if (await first.TrySessionAsync(new ClientKey($"10.0.0.{i % 250}"), None) is null) admittedByFirst++;
            if (await second.TrySessionAsync(new ClientKey($"10.0.1.{i % 250}"), None) is null) admittedBySecond++;
        }

        Assert.Equal(100, admittedByFirst);
        Assert.Equal(100, admittedBySecond);
        Assert.Equal(200, _store.CountOf("sessions-total"));
        Assert.Equal(20, _store.Saves);
    }

    [Fact]
    public async Task TrySessionAsync_TwoInstancesRacing_NeverAdmitMoreThanTheTotalTogether()
    {
        var instances = new[] { Instance(TotalOnly(200)), Instance(TotalOnly(200)) };
        var admitted = 0;

        // Eight callers per instance at once, 50 calls each: 800 tries at a total of 200.
        await Task.WhenAll(instances.SelectMany(limiter => Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
                if (await limiter.TrySessionAsync(new ClientKey($"10.{caller}.0.{i}"), None) is null) Interlocked.Increment(ref admitted);
        }))));

        Assert.Equal(200, admitted);
        Assert.Equal(200, _store.CountOf("sessions-total"));
    }

    [Fact]
    public async Task TrySessionAsync_TotalSpent_TheNextMinuteIsAdmittedAgain()
    {
        var limiter = Instance(TotalOnly(5));
        for (var i = 0; i < 5; i++) Assert.Null(await limiter.TrySessionAsync(Office, None));
        Assert.NotNull(await limiter.TrySessionAsync(Office, None));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(await limiter.TrySessionAsync(Office, None));
    }

    [Fact]
    public async Task TrySessionAsync_TotalKnownSpent_FurtherCallsAreRefusedWithoutAStorageCall()
    {
        var limiter = Instance(new LimitOptions { SessionsPerAddressPerHour = 300, TotalSessionsPerMinute = 2 });
        await limiter.TrySessionAsync(Office, None);
        await limiter.TrySessionAsync(Office, None);
        Assert.NotNull(await limiter.TrySessionAsync(Office, None));
        var (reads, saves) = (_store.Reads, _store.Saves);

        for (var i = 0; i < 100; i++) Assert.NotNull(await limiter.TrySessionAsync(new ClientKey($"10.9.9.{i}"), None));

        Assert.Equal((reads, saves), (_store.Reads, _store.Saves));
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(100, 5)]
    [InlineData(1200, 10)]
    [InlineData(3000, 10)]
    public async Task TrySessionAsync_TotalLimit_LeasesATwentiethAtATime_AtMostTen(int limit, int batch)
    {
        var limiter = Instance(TotalOnly(limit));

        await limiter.TrySessionAsync(Office, None);

        var key = Assert.Single(_store.Keys);
        Assert.Equal(batch, _store.CountOf(key));
    }

    [Fact]
    public async Task TrySessionAsync_ZeroLimits_AdmitEveryCall_AndStoreNothing()
    {
        var limiter = Instance(new LimitOptions { SessionsPerAddressPerHour = 0, RoomsPerAddressPerHour = 0, TotalSessionsPerMinute = 0, TotalRoomsPerMinute = 0 });

        for (var i = 0; i < 1000; i++)
        {
            Assert.Null(await limiter.TrySessionAsync(Office, None));
            Assert.Null(await limiter.TryRoomAsync(Office, None));
        }

        Assert.Empty(_store.Keys);
    }

    [Fact]
    public async Task TrySessionAsync_Counters_HoldAKeyedPseudonymOfTheAddress_NeverTheAddress()
    {
        await Instance(PerAddressOnly(sessions: 10)).TrySessionAsync(Office, None);
        await Instance(PerAddressOnly(sessions: 10), signingKey: "another-deployments-signing-key-0123456789").TrySessionAsync(Office, None);

        var clients = _store.Keys.Select(k => k.Client).ToList();
        Assert.Equal(2, clients.Distinct().Count());
        Assert.All(clients, c => Assert.Matches("^[0-9a-f]{32}$", c));
        Assert.DoesNotContain(_store.Keys, k => (k.Limit + k.Client).Contains("203.0.113", StringComparison.Ordinal));
    }
}
