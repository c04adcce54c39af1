using Livechat.Azure.SignalR;
using Livechat.Core.Realtime;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Livechat.Azure.Tests.SignalR;

public sealed class SignalRRestPublisherTests : IAsyncLifetime
{
    private const string AccessKey = "rest-test-access-key/0123456789+ABCDEFGHIJKLMNOPQRSTUV=";

    private readonly ListLogger<SignalRRestPublisher> _logger = new();
    private readonly List<ServiceProvider> _providers = [];
    private FakeSignalRServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSignalRServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task SendToUserAsync_ChatMessage_PostsPayloadMessageToUserSendPath()
    {
        var message = new ChatMessage
        {
            Id = "m-1",
            RoomId = "r-1",
            Seq = 3,
            Sender = Sender.Bot,
            Text = "Hello",
            Buttons = [new ChatButton("b-1", "Yes please")],
            SentAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };

        await CreatePublisher().SendToUserAsync("visitor-1", RealtimeEvents.Message, message, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/hubs/chat/users/visitor-1/:send?api-version=2022-06-01", request.RawTarget);
        Assert.StartsWith("application/json", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("message", body.RootElement.GetProperty("target").GetString());
        var argument = Assert.Single(body.RootElement.GetProperty("arguments").EnumerateArray());
        Assert.Equal("m-1", argument.GetProperty("id").GetString());
        Assert.Equal("r-1", argument.GetProperty("roomId").GetString());
        Assert.Equal(3, argument.GetProperty("seq").GetInt64());
        Assert.Equal("bot", argument.GetProperty("sender").GetString());
        Assert.Equal("Yes please", argument.GetProperty("buttons")[0].GetProperty("label").GetString());
        Assert.False(argument.TryGetProperty("blockId", out _), "null properties are left out, as in the local hub");
        Assert.False(argument.TryGetProperty("RoomId", out _));
        await AssertServerTokenAsync(request, $"{_server.BaseUrl}/api/hubs/chat/users/visitor-1/:send");
    }

    [Fact]
    public async Task SendToGroupAsync_RoomEvent_PostsPayloadMessageToGroupSendPath()
    {
        await CreatePublisher().SendToGroupAsync(RealtimeGroups.Room("r-9"), RealtimeEvents.ChatEnded, new RoomEndedEvent("r-9", "closed"), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/hubs/chat/groups/room-r-9/:send?api-version=2022-06-01", request.RawTarget);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("chatEnded", body.RootElement.GetProperty("target").GetString());
        var argument = Assert.Single(body.RootElement.GetProperty("arguments").EnumerateArray());
        Assert.Equal("r-9", argument.GetProperty("roomId").GetString());
        Assert.Equal("closed", argument.GetProperty("reason").GetString());
        await AssertServerTokenAsync(request, $"{_server.BaseUrl}/api/hubs/chat/groups/room-r-9/:send");
    }

    [Fact]
    public async Task AddUserToGroupAsync_ValidIds_PutsUserGroupPath()
    {
        _server.Responder = (_, _) => Task.FromResult(200);

        await CreatePublisher().AddUserToGroupAsync("agent-7", "room-r-1", null, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/api/hubs/chat/users/agent-7/groups/room-r-1?api-version=2022-06-01", request.RawTarget);
        Assert.Equal("", request.Body);
        await AssertServerTokenAsync(request, $"{_server.BaseUrl}/api/hubs/chat/users/agent-7/groups/room-r-1");
    }

    [Fact]
    public async Task AddUserToGroupAsync_WithATimeToLive_PutsItInWholeSecondsRoundedUp()
    {
        _server.Responder = (_, _) => Task.FromResult(200);

        await CreatePublisher().AddUserToGroupAsync("a-ann", "dept-sales", TimeSpan.FromSeconds(3599.2), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/hubs/chat/users/a-ann/groups/dept-sales?api-version=2022-06-01&ttl=3600", request.RawTarget);
        await AssertServerTokenAsync(request, $"{_server.BaseUrl}/api/hubs/chat/users/a-ann/groups/dept-sales");
    }

    [Fact]
    public async Task RemoveUserFromAllGroupsAsync_DeletesTheUsersGroups_AndCloseUserConnectionsAsync_PostsTheReason()
    {
        _server.Responder = (_, _) => Task.FromResult(200);

        await CreatePublisher().RemoveUserFromAllGroupsAsync("a-ann", CancellationToken.None);
        await CreatePublisher().CloseUserConnectionsAsync("a-ann", "The agent token was revoked.", CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("DELETE", _server.Requests[0].Method);
        Assert.Equal("/api/hubs/chat/users/a-ann/groups?api-version=2022-06-01", _server.Requests[0].RawTarget);
        Assert.Equal("POST", _server.Requests[1].Method);
        Assert.Equal("/api/hubs/chat/users/a-ann/:closeConnections?api-version=2022-06-01&reason=The%20agent%20token%20was%20revoked.", _server.Requests[1].RawTarget);
        await AssertServerTokenAsync(_server.Requests[1], $"{_server.BaseUrl}/api/hubs/chat/users/a-ann/:closeConnections");
    }

    [Fact]
    public async Task RemoveUserFromGroupAsync_ValidIds_DeletesUserGroupPath()
    {
        _server.Responder = (_, _) => Task.FromResult(204);

        await CreatePublisher().RemoveUserFromGroupAsync("agent-7", "dept-sales", CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/api/hubs/chat/users/agent-7/groups/dept-sales?api-version=2022-06-01", request.RawTarget);
        await AssertServerTokenAsync(request, $"{_server.BaseUrl}/api/hubs/chat/users/agent-7/groups/dept-sales");
    }

    [Fact]
    public async Task SendToUserAsync_SpecialCharactersInUserId_EscapesPathSegment()
    {
        const string userId = "user/1 +é?#&%";
        const string escaped = "user%2F1%20%2B%C3%A9%3F%23%26%25";

        await CreatePublisher().SendToUserAsync(userId, RealtimeEvents.LogoutComplete, new { }, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal($"/api/hubs/chat/users/{escaped}/:send?api-version=2022-06-01", request.RawTarget);
        await AssertServerTokenAsync(request, $"{_server.BaseUrl}/api/hubs/chat/users/{escaped}/:send");
    }

    [Fact]
    public async Task AddUserToGroupAsync_SpecialCharactersInIds_EscapesBothSegments()
    {
        await CreatePublisher().AddUserToGroupAsync("a@b.c", "dept-Sales & Support", null, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/hubs/chat/users/a%40b.c/groups/dept-Sales%20%26%20Support?api-version=2022-06-01", request.RawTarget);
        await AssertServerTokenAsync(request, $"{_server.BaseUrl}/api/hubs/chat/users/a%40b.c/groups/dept-Sales%20%26%20Support");
    }

    [Fact]
    public async Task AddUserToGroupAsync_DotSegmentUserId_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => CreatePublisher().AddUserToGroupAsync("..", "room-r-1", null, CancellationToken.None));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SendToUserAsync_ServerErrorThenAccepted_RetriesAndSucceeds()
    {
        _server.Responder = (number, _) => Task.FromResult(number == 1 ? 500 : 202);

        await CreatePublisher().SendToUserAsync("visitor-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, request =>
            Assert.Equal("/api/hubs/chat/users/visitor-1/:send?api-version=2022-06-01", request.RawTarget));
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
        foreach (var request in _server.Requests)
        {
            await AssertServerTokenAsync(request, $"{_server.BaseUrl}/api/hubs/chat/users/visitor-1/:send");
        }
        var warning = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(1, warning.State["Attempt"]);
        Assert.Equal(4, warning.State["MaxAttempts"]);
        Assert.Equal(500, warning.State["StatusCode"]);
        Assert.Equal("SendToUser", warning.State["Operation"]);
        Assert.Equal("SignalR {Operation} to {Path} failed on attempt {Attempt} of {MaxAttempts} with status {StatusCode}; retrying in {Delay}",
            warning.State["{OriginalFormat}"]);
    }

    [Fact]
    public async Task SendToGroupAsync_TooManyRequestsThenAccepted_RetriesAndSucceeds()
    {
        _server.Responder = (number, _) => Task.FromResult(number == 1 ? 429 : 202);

        await CreatePublisher().SendToGroupAsync("room-r-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task SendToGroupAsync_PersistentServerError_ThrowsAfterMaxAttempts()
    {
        _server.Responder = (_, _) => Task.FromResult(500);

        var exception = await Assert.ThrowsAsync<RealtimeDeliveryException>(
            () => CreatePublisher(maxAttempts: 3).SendToGroupAsync("room-r-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None));

        Assert.Equal(3, exception.Attempts);
        Assert.Equal(HttpStatusCode.InternalServerError, exception.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal([LogLevel.Warning, LogLevel.Warning, LogLevel.Error], _logger.Entries.Select(entry => entry.Level));
        Assert.Equal(3, _logger.Entries[^1].State["Attempt"]);
    }

    [Fact]
    public async Task SendToUserAsync_BadRequest_FailsAtOnce()
    {
        _server.Responder = (_, _) => Task.FromResult(400);

        var exception = await Assert.ThrowsAsync<RealtimeDeliveryException>(
            () => CreatePublisher().SendToUserAsync("visitor-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None));

        Assert.Equal(1, exception.Attempts);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Contains("fake failure 400", exception.Message);
        Assert.Single(_server.Requests);
        var error = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal(400, error.State["StatusCode"]);
    }

    [Fact]
    public async Task SendToUserAsync_NoResponseWithinTimeout_RetriesAndSucceeds()
    {
        _server.Responder = async (number, aborted) =>
        {
            if (number == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), aborted);
            }
            return 202;
        };

        await CreatePublisher(requestTimeout: TimeSpan.FromMilliseconds(300))
            .SendToUserAsync("visitor-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        var warning = Assert.Single(_logger.Entries);
        Assert.IsType<TimeoutException>(warning.Exception);
        Assert.Null(warning.State["StatusCode"]);
    }

    [Fact]
    public async Task SendToUserAsync_ConnectionRefused_ThrowsAfterMaxAttemptsWithNetworkError()
    {
        var closedPort = FreeLoopbackPort();
        var publisher = CreatePublisher(maxAttempts: 2, connectionString: $"Endpoint=http://127.0.0.1:{closedPort};AccessKey={AccessKey};Version=1.0;");

        var exception = await Assert.ThrowsAsync<RealtimeDeliveryException>(
            () => publisher.SendToUserAsync("visitor-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None));

        Assert.Equal(2, exception.Attempts);
        Assert.Null(exception.StatusCode);
        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal([LogLevel.Warning, LogLevel.Error], _logger.Entries.Select(entry => entry.Level));
    }

    [Fact]
    public async Task SendToUserAsync_CallerCancelsDuringBackoff_ThrowsOperationCanceled()
    {
        _server.Responder = (_, _) => Task.FromResult(503);
        var options = TestOptions(maxAttempts: 4);
        options.BaseDelay = TimeSpan.FromSeconds(30);
        options.MaxDelay = TimeSpan.FromSeconds(30);
        var publisher = CreatePublisher(options);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => publisher.SendToUserAsync("visitor-1", RealtimeEvents.Message, new { roomId = "r-1" }, cancellation.Token));

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendToUserAsync_PortInConnectionString_SendsToThatPort()
    {
        var port = new Uri(_server.BaseUrl).Port;
        var publisher = CreatePublisher(connectionString: $"Endpoint=http://127.0.0.1;AccessKey={AccessKey};Version=1.0;Port={port};");

        await publisher.SendToUserAsync("visitor-1", RealtimeEvents.Message, new { roomId = "r-1" }, CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        await AssertServerTokenAsync(request, $"http://127.0.0.1:{port}/api/hubs/chat/users/visitor-1/:send");
    }

    [Fact]
    public async Task SendToUserAsync_BodyOverOneMegabyte_ThrowsWithoutSending()
    {
        var payload = new { text = new string('x', SignalRRestPublisher.MaxBodyBytes) };

        var exception = await Assert.ThrowsAsync<RealtimeDeliveryException>(
            () => CreatePublisher().SendToUserAsync("visitor-1", RealtimeEvents.Message, payload, CancellationToken.None));

        Assert.Equal(0, exception.Attempts);
        Assert.Empty(_server.Requests);
        Assert.Equal(LogLevel.Error, Assert.Single(_logger.Entries).Level);
    }

    private static async Task AssertServerTokenAsync(RecordedRequest request, string expectedAudience)
    {
        Assert.Equal(expectedAudience, request.UrlWithoutQuery);
        var token = await SignalRJwt.ValidateAsync(request.BearerToken, AccessKey, expectedAudience);
        var lifetime = token.ValidTo - request.ReceivedAt.UtcDateTime;
        Assert.InRange(lifetime, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
    }

    private SignalRServiceOptions TestOptions(int maxAttempts = 4, TimeSpan? requestTimeout = null, string? connectionString = null) => new()
    {
        ConnectionString = connectionString ?? $"Endpoint={_server.BaseUrl};AccessKey={AccessKey};Version=1.0;",
        HubName = "chat",
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
    };

    private SignalRRestPublisher CreatePublisher(int maxAttempts = 4, TimeSpan? requestTimeout = null, string? connectionString = null) =>
        CreatePublisher(TestOptions(maxAttempts, requestTimeout, connectionString));

    /// <summary>
    /// The publisher as the app gets it: the typed client of <see cref="SignalRServiceCollectionExtensions.AddSignalRService"/>,
    /// whose resilience handler does the retrying, with these options bound and validated from configuration.
    /// </summary>
    private SignalRRestPublisher CreatePublisher(SignalRServiceOptions options)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SignalR:ConnectionString"] = options.ConnectionString,
            ["SignalR:HubName"] = options.HubName,
            ["SignalR:MaxAttempts"] = options.MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["SignalR:BaseDelay"] = options.BaseDelay.ToString("c", CultureInfo.InvariantCulture),
            ["SignalR:MaxDelay"] = options.MaxDelay.ToString("c", CultureInfo.InvariantCulture),
            ["SignalR:RequestTimeout"] = options.RequestTimeout.ToString("c", CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ILogger<SignalRRestPublisher>>(_logger);
        services.AddSignalRService(configuration);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<SignalRRestPublisher>();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
