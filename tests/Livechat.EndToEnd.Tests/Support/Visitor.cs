using Microsoft.AspNetCore.SignalR.Client;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>A visitor driving the public HTTP API and listening on the realtime hub, as the widget does.</summary>
public sealed class Visitor : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly List<HubConnection> _connections = [];

    private Visitor(Uri baseAddress, string token, string? forwardedFor)
    {
        Token = token;
        _http = new HttpClient { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (forwardedFor is not null) _http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
    }

    public string Token { get; }
    public HttpClient Http => _http;

    /// <summary>Events each connection ("tab") received, in order: (event name, payload).</summary>
    public List<ConcurrentQueue<(string Name, JsonElement Payload)>> Tabs { get; } = [];

    /// <param name="forwardedFor">An <c>X-Forwarded-For</c> on every request, as a proxy in front of the host adds it.</param>
    public static async Task<Visitor> CreateAsync(Uri baseAddress, string? forwardedFor = null)
    {
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        if (forwardedFor is not null) anonymous.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        var response = await anonymous.PostAsJsonAsync("api/v1/sessions", new { });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return new Visitor(baseAddress, created!["token"]!.GetValue<string>(), forwardedFor);
    }

    /// <summary>Opens one more realtime connection, like another tab of the same browser.</summary>
    public async Task<ConcurrentQueue<(string Name, JsonElement Payload)>> ConnectTabAsync()
    {
        var negotiated = await (await _http.PostAsync("api/v1/negotiate", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        var connection = new HubConnectionBuilder()
            .WithUrl(negotiated!["url"]!.GetValue<string>(), o => o.AccessTokenProvider = () => Task.FromResult<string?>(negotiated["accessToken"]!.GetValue<string>()))
            .Build();
        var events = new ConcurrentQueue<(string, JsonElement)>();
        foreach (var name in new[] { "message", "chatStarted", "chatEnded", "logoutComplete", "agentJoined", "typing" })
            connection.On<JsonElement>(name, payload => events.Enqueue((name, payload)));
        await connection.StartAsync();
        _connections.Add(connection);
        Tabs.Add(events);
        return events;
    }

    public async Task<string> OpenRoomAsync()
    {
        var opened = await (await _http.PostAsync("api/v1/rooms", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        return opened!["roomId"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> PostAsync(string roomId, object body) => _http.PostAsJsonAsync($"api/v1/rooms/{roomId}/messages", body);

    /// <summary>Asks for a link to upload one file to a room.</summary>
    public Task<HttpResponseMessage> AttachAsync(string roomId, object body) => _http.PostAsJsonAsync($"api/v1/rooms/{roomId}/attachments", body);

    public async Task<JsonArray> MessagesAsync(string roomId)
    {
        var transcript = await (await _http.GetAsync($"api/v1/rooms/{roomId}/messages")).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        return transcript!["messages"]!.AsArray();
    }

    public async Task<JsonArray> WaitForMessagesAsync(string roomId, int count, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var messages = await MessagesAsync(roomId);
            if (messages.Count >= count) return messages;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {messages.Count} of {count} messages: {messages.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
        _http.Dispose();
    }
}
