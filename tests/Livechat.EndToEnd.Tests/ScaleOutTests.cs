using Livechat.Benchmark;
using Livechat.EndToEnd.Tests.Support;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The app scaled out as Azure scales it: two Functions hosts on one task hub, one set of tables and one SignalR hub,
/// behind a round-robin front end. Conversations split over both lose nothing and store nothing twice; a host
/// killed mid-load leaves its rooms to the other (the Durable engine's partition leases move); and what each
/// instance keeps in memory (room snapshots, rate windows) never makes it write wrong or admit what one instance
/// alone would refuse. The long form (500 conversations) is <c>./bench.sh --scale-out</c>.
/// </summary>
/// <remarks>
/// Run alone, after the parallel classes: two hosts under load on 2 cores made the benchmark's smoke test, beside it,
/// miss its two-minute bound.
/// </remarks>
[Collection(Alone)]
public sealed class ScaleOutTests(ScaleOutTests.TwoInstances fixture, ITestOutputHelper output) : IClassFixture<ScaleOutTests.TwoInstances>
{
    public const string Alone = "scale-out, alone";

    private ScaleOut App => fixture.App;

    [Fact]
    public async Task FortyConversations_SplitAcrossBothInstances_NoneLostNorDuplicated()
    {
        output.WriteLine("partition leases: " + string.Join("; ", await PartitionLeases.ReadAsync(App)));
        var before = (App.Proxy.Served(0), App.Proxy.Served(1));
        var load = new ScaleOutLoad(App.BaseAddress, new ScaleOutOptions(40, Clicks: 2, Concurrency: 40, TimeSpan.FromSeconds(60), Address("10.40")));

        var outcome = await load.RunAsync(CancellationToken.None);
        output.WriteLine(outcome.Summary());

        Assert.True(outcome.Clean, outcome.Summary());
        Assert.Equal(0, outcome.RealtimeDuplicated);
        var served = (First: App.Proxy.Served(0) - before.Item1, Second: App.Proxy.Served(1) - before.Item2);
        // Round robin: each instance answered about half of every conversation's calls.
        Assert.InRange(served.First, (served.First + served.Second) / 3, 2 * (served.First + served.Second) / 3);
    }

    [Fact]
    public async Task OneInstanceKilledMidLoad_ItsRoomsCarryOnOnTheOther_AndItsReplacementTakesItsShareMidLoad()
    {
        // Both instances own partitions of the task hub (the fixture waits for that), so rooms run on the one that is killed.
        var load = new ScaleOutLoad(App.BaseAddress, new ScaleOutOptions(16, Clicks: 4, Concurrency: 16, TimeSpan.FromSeconds(150), Address("10.41")));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var replaced = false;
        try
        {
            var outcome = await load.RunAsync(16, () =>
            {
                App.Hosts[1].Kill();
                return Task.CompletedTask;
            }, cancel.Token);
            output.WriteLine("killed: " + outcome.Summary());
            Assert.True(outcome.Clean, outcome.Summary());
            var leases = await PartitionLeases.ReadAsync(App);
            Assert.All(leases, l => Assert.Equal(fixture.WorkerOf(0), l.Owner));

            // The platform replaces the instance while visitors chat: the new one takes partitions over from the
            // survivor, whose rooms on them wait for the hand-over, and no conversation loses or repeats anything.
            var joining = new ScaleOutLoad(App.BaseAddress, new ScaleOutOptions(16, Clicks: 12, Concurrency: 16, TimeSpan.FromSeconds(150), Address("10.43"), ThinkTime: TimeSpan.FromSeconds(3)));
            outcome = await joining.RunAsync(16, async () =>
            {
                await App.Hosts[1].StartAsync();
                replaced = true;
            }, cancel.Token);
            output.WriteLine("replacement joined: " + outcome.Summary());
            Assert.True(outcome.Clean, outcome.Summary());
            leases = await PartitionLeases.ReadAsync(App);
            output.WriteLine("partition leases: " + string.Join("; ", leases));
            Assert.Contains(leases, l => l.Owner == fixture.WorkerOf(1) || l.NextOwner == fixture.WorkerOf(1));
        }
        finally
        {
            // Back for the class's other tests, on its port, with the leases settled over both.
            if (!replaced) await App.Hosts[1].StartAsync();
            await fixture.WaitUntilSettledAsync();
        }
    }

    [Fact]
    public async Task EachInstancesRoomSnapshot_NeverWritesAWrongSeq_NorAdmitsAPostToARoomTheOtherClosed()
    {
        var (first, second) = await VisitorOnBothAsync("10.42.0.1");
        var roomId = await first.OpenRoomAsync();
        await first.WaitForMessagesAsync(roomId, 2);

        // Each click on the other instance than the last: every append starts from a snapshot the other made stale.
        string[] buttons = ["pricing", "support", "pricing", "support"];
        for (var k = 0; k < buttons.Length; k++)
        {
            var through = k % 2 == 0 ? first.Http : second;
            (await through.PostAsJsonAsync($"api/v1/rooms/{roomId}/messages", new { clientMessageId = $"snap-{k}", buttonId = buttons[k], text = buttons[k] })).EnsureSuccessStatusCode();
            await first.WaitForMessagesAsync(roomId, 2 + 3 * (k + 1), timeoutSeconds: 60);
        }
        var messages = await first.MessagesAsync(roomId);
        Assert.Equal(Enumerable.Range(1, 14).Select(i => (long)i), messages.Select(m => m!["seq"]!.GetValue<long>()));
        Assert.Equal(["greet", "menu", null, "pricing", "menu", null, "support", "menu", null, "pricing", "menu", null, "support", "menu"],
            messages.Select(m => m!["blockId"]?.GetValue<string>()));

        // Closed through the second; the first still remembers the room open.
        (await second.PostAsync($"api/v1/rooms/{roomId}/close", null)).EnsureSuccessStatusCode();
        var late = await first.PostAsync(roomId, new { clientMessageId = "after-close", text = "still there?" });

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("application/problem+json", late.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(await first.MessagesAsync(roomId), m => m!["clientMessageId"]?.GetValue<string>() == "after-close");
    }

    [Fact]
    public async Task AddressLimits_HoldAcrossBothInstances_AsOnOne()
    {
        await ClientLimitTests.AwayFromTheHourAsync();
        const string Address = "198.51.100.60";
        // Three sessions an hour from one address, made on alternate instances: the fourth is refused on either.
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await CreateSessionAsync(App.Hosts[i % 2].BaseAddress, Address)).StatusCode);
        foreach (var host in App.Hosts)
            await ClientLimitTests.AssertTooManyAsync(await CreateSessionAsync(host.BaseAddress, Address), "3 new sessions an hour from one network address");

        // Two new chats an hour from one address, one on each instance: a third is refused on both, and starts nothing.
        const string Chats = "198.51.100.61";
        await using var a = await Visitor.CreateAsync(App.Hosts[0].BaseAddress, Chats);
        await using var b = await Visitor.CreateAsync(App.Hosts[1].BaseAddress, Chats);
        await using var c = await Visitor.CreateAsync(App.Hosts[0].BaseAddress, Chats);
        await a.OpenRoomAsync();
        await b.OpenRoomAsync();
        foreach (var host in App.Hosts)
        {
            using var third = Client(host.BaseAddress, c.Token, Chats);
            await ClientLimitTests.AssertTooManyAsync(await third.PostAsync("api/v1/rooms", null), "2 new chats an hour from one network address");
        }
        var session = await c.Http.GetFromJsonAsync<JsonObject>("api/v1/session");
        Assert.Null(session!["openRoomId"]?.GetValue<string>());
    }

    /// <summary>A distinct client address per conversation (front-end style), so the address limits count each visitor alone.</summary>
    private static Func<int, string?> Address(string prefix) => i => $"{prefix}.{i / 250}.{i % 250 + 1}";

    private async Task<(Visitor First, HttpClient Second)> VisitorOnBothAsync(string address)
    {
        var visitor = await Visitor.CreateAsync(App.Hosts[0].BaseAddress, address);
        return (visitor, Client(App.Hosts[1].BaseAddress, visitor.Token, address));
    }

    private static HttpClient Client(Uri baseAddress, string token, string address)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return http;
    }

    private static async Task<HttpResponseMessage> CreateSessionAsync(Uri baseAddress, string address)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/sessions");
        request.Headers.Add("X-Forwarded-For", address);
        return await http.SendAsync(request);
    }

    /// <summary>Two instances of the app behind a front end that passes the caller's address on, as Azure's does.</summary>
    public sealed class TwoInstances : IAsyncLifetime
    {
        public ScaleOut App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await ScaleOut.StartAsync(2, new Dictionary<string, string>
            {
                ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
                ["Limits__SessionsPerAddressPerHour"] = "3",
                ["Limits__RoomsPerAddressPerHour"] = "2",
            });
            await WaitUntilSettledAsync();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        public string WorkerOf(int instance) => App.WorkerNames[instance];

        /// <summary>
        /// A host that joins steals its share of the partitions, and the rooms on a partition being handed over answer
        /// nothing until it is done (see <see cref="PartitionLeases"/>): each test starts with the leases settled over
        /// both, so that what it measures is the split, not the hand-over.
        /// </summary>
        public Task WaitUntilSettledAsync() => PartitionLeases.WaitUntilSettledAsync(App, TimeSpan.FromMinutes(3));
    }
}

/// <summary>The scale-out tests' collection: not run in parallel with any other (xunit runs it after the others).</summary>
[CollectionDefinition(ScaleOutTests.Alone, DisableParallelization = true)]
public sealed class ScaleOutCollection;
