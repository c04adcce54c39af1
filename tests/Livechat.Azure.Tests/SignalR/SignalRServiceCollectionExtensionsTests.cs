using Livechat.Azure.SignalR;
using Livechat.Core.Realtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Livechat.Azure.Tests.SignalR;

public sealed class SignalRServiceCollectionExtensionsTests
{
    private const string ValidConnectionString =
        "Endpoint=https://demo.service.signalr.net;AccessKey=di-test-access-key-0123456789abcdefghijklmnop=;Version=1.0;";

    [Fact]
    public void AddSignalRService_ValidSection_ResolvesAdaptersWithBoundOptions()
    {
        using var provider = BuildProvider(new()
        {
            ["SignalR:ConnectionString"] = ValidConnectionString,
            ["SignalR:HubName"] = "support",
            ["SignalR:TokenLifetime"] = "00:30:00",
            ["SignalR:MaxAttempts"] = "2",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        // Sends are best effort (a failing service must not fail the chat), over the REST publisher.
        Assert.IsType<BestEffortRealtimePublisher>(provider.GetRequiredService<IRealtimePublisher>());
        Assert.NotNull(provider.GetRequiredService<SignalRRestPublisher>());
        var negotiator = provider.GetRequiredService<IRealtimeNegotiator>();
        Assert.Equal("https://demo.service.signalr.net/client/?hub=support", negotiator.Negotiate("u-1").Url);
        var options = provider.GetRequiredService<IOptions<SignalRServiceOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(30), options.TokenLifetime);
        Assert.Equal(2, options.MaxAttempts);
    }

    [Fact]
    public void AddSignalRService_NoHubName_DefaultsToChat()
    {
        using var provider = BuildProvider(new() { ["SignalR:ConnectionString"] = ValidConnectionString });

        var options = provider.GetRequiredService<IOptions<SignalRServiceOptions>>().Value;

        Assert.Equal("chat", options.HubName);
        Assert.Equal(TimeSpan.FromHours(1), options.TokenLifetime);
        Assert.Equal(4, options.MaxAttempts);
    }

    [Fact]
    public void AddSignalRService_MissingConnectionString_FailsStartupValidation()
    {
        using var provider = BuildProvider([]);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ConnectionString", exception.Message);
    }

    [Fact]
    public void AddSignalRService_ConnectionStringWithoutAccessKey_FailsStartupValidation()
    {
        using var provider = BuildProvider(new() { ["SignalR:ConnectionString"] = "Endpoint=https://demo.service.signalr.net;Version=1.0;" });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("AccessKey", exception.Message);
    }

    [Fact]
    public void AddSignalRService_InvalidHubName_FailsStartupValidation()
    {
        using var provider = BuildProvider(new()
        {
            ["SignalR:ConnectionString"] = ValidConnectionString,
            ["SignalR:HubName"] = "1 bad/hub",
        });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public async Task AddSignalRService_RegisteredClient_RetriesATransientFailureAfterABackoffOnTheContainersClock()
    {
        var handler = new StubHandler((number, _) => number == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Accepted);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new ListLogger<SignalRRestPublisher>();
        using var provider = BuildProvider(RetrySettings(maxAttempts: 2, baseDelay: "00:00:30", maxDelay: "00:00:30"), handler, time, logger);
        var publisher = provider.GetRequiredService<SignalRRestPublisher>();

        var send = publisher.SendToUserAsync("visitor-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None);

        await handler.WaitForRequestsAsync(1);
        await Task.Delay(200);
        Assert.False(send.IsCompleted, "the retry waits for its backoff");
        Assert.Single(handler.Requests);
        await AdvanceUntilDoneAsync(time, send);
        Assert.Equal(2, handler.Requests.Count);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(1, warning.EventId.Id);
        Assert.Equal(503, warning.State["StatusCode"]);
        Assert.Equal(2, warning.State["MaxAttempts"]);
    }

    [Fact]
    public async Task AddSignalRService_RegisteredClient_WaitsForRetryAfterUpToMaxDelayAndCountsAttempts()
    {
        var handler = new StubHandler((number, response) =>
        {
            response.Headers.RetryAfter = new(TimeSpan.FromSeconds(number == 1 ? 1 : 3600));
            return HttpStatusCode.TooManyRequests;
        });
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new ListLogger<SignalRRestPublisher>();
        using var provider = BuildProvider(RetrySettings(maxAttempts: 3, baseDelay: "00:00:20", maxDelay: "00:01:00"), handler, time, logger);
        var publisher = provider.GetRequiredService<SignalRRestPublisher>();

        var send = publisher.SendToGroupAsync("room-r-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None);
        await AdvanceUntilDoneAsync(time, send);

        var exception = await Assert.ThrowsAsync<RealtimeDeliveryException>(() => send);
        Assert.Equal(3, exception.Attempts);
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal([1, 1, 2], logger.Entries.Select(entry => entry.EventId.Id));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)], logger.Entries.Take(2).Select(entry => entry.State["Delay"]));
        Assert.Equal(3, logger.Entries[^1].State["Attempt"]);
    }

    [Fact]
    public async Task AddSignalRService_RegisteredClient_DoesNotRetryAClientError()
    {
        var handler = new StubHandler((_, _) => HttpStatusCode.Forbidden);
        var logger = new ListLogger<SignalRRestPublisher>();
        using var provider = BuildProvider(RetrySettings(maxAttempts: 4, baseDelay: "00:00:00", maxDelay: "00:00:00"), handler, TimeProvider.System, logger);

        var exception = await Assert.ThrowsAsync<RealtimeDeliveryException>(() => provider.GetRequiredService<SignalRRestPublisher>()
            .RemoveUserFromGroupAsync("agent-7", "dept-sales", CancellationToken.None));

        Assert.Equal(1, exception.Attempts);
        Assert.Equal(HttpStatusCode.Forbidden, exception.StatusCode);
        Assert.Single(handler.Requests);
        Assert.Equal(3, Assert.Single(logger.Entries).EventId.Id);
    }

    private static Dictionary<string, string?> RetrySettings(int maxAttempts, string baseDelay, string maxDelay) => new()
    {
        ["SignalR:ConnectionString"] = ValidConnectionString,
        ["SignalR:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SignalR:BaseDelay"] = baseDelay,
        ["SignalR:MaxDelay"] = maxDelay,
        ["SignalR:RequestTimeout"] = "00:05:00",
    };

    /// <summary>
    /// Moves the fake clock on until <paramref name="send"/> ends. The backoff's timer is set on another thread at a
    /// moment the test cannot see, so the clock is moved repeatedly rather than once.
    /// </summary>
    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider time, Task send)
    {
        var real = Stopwatch.StartNew();
        while (!send.IsCompleted && real.Elapsed < TimeSpan.FromSeconds(10))
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(send, Task.Delay(20));
        }
        Assert.True(send.IsCompleted, "moving the container's clock ends the backoff");
    }

    private static ServiceProvider BuildProvider(
        Dictionary<string, string?> settings, StubHandler handler, TimeProvider time, ListLogger<SignalRRestPublisher> logger)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton<ILogger<SignalRRestPublisher>>(logger);
        services.AddSignalRService(configuration);
        // Only the innermost handler is swapped: the resilience handler stays the one AddSignalRService attached.
        services.AddHttpClient(nameof(SignalRRestPublisher)).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }

    private static ServiceProvider BuildProvider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSignalRService(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>Answers each request with the status <c>respond</c> picks for its 1-based number, and keeps the requests.</summary>
    private sealed class StubHandler(Func<int, HttpResponseMessage, HttpStatusCode> respond) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<HttpRequestMessage> _requests = new();

        public IReadOnlyList<HttpRequestMessage> Requests => [.. _requests];

        public async Task WaitForRequestsAsync(int count)
        {
            var real = Stopwatch.StartNew();
            while (_requests.Count < count && real.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(10);
            }
            Assert.True(_requests.Count >= count, $"{count} request(s) expected");
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(request);
            var response = new HttpResponseMessage { RequestMessage = request };
            response.StatusCode = respond(_requests.Count, response);
            return Task.FromResult(response);
        }
    }
}
