using Microsoft.AspNetCore.SignalR.Client;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>A human agent driving the agent API and listening on the realtime hub, as the agent console does.</summary>
public sealed class Agent : IAsyncDisposable
{
    public static readonly string[] EventNames = ["roomWaiting", "roomClaimed", "agentJoined", "message", "chatEnded", "chatStarted", "typing"];

    private readonly HttpClient _http;
    private HubConnection? _connection;

    private Agent(Uri baseAddress, string token, string tokenId)
    {
        Token = token;
        TokenId = tokenId;
        _http = new HttpClient { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public string Token { get; }
    public string TokenId { get; }

    /// <summary>Set when the service closed the console's connection, with the reason it gave.</summary>
    public TaskCompletionSource<string?> Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public HttpClient Http => _http;

    /// <summary>Events the agent's console connection received, in order.</summary>
    public ConcurrentQueue<(string Name, JsonElement Payload)> Events { get; } = new();

    /// <summary>Gets a token from the admin API, as an operator would with curl.</summary>
    public static async Task<Agent> CreateAsync(Uri baseAddress, string adminKey, string agentId, string name, params string[] departments)
    {
        using var admin = Admin(baseAddress, adminKey);
        var response = await admin.PostAsJsonAsync("api/v1/admin/agents/token", new { agentId, name, departments });
        var issued = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        return new Agent(baseAddress, issued!["token"]!.GetValue<string>(), issued["tokenId"]!.GetValue<string>());
    }

    public static HttpClient Admin(Uri baseAddress, string adminKey)
    {
        var admin = new HttpClient { BaseAddress = baseAddress };
        admin.DefaultRequestHeaders.Add("x-admin-key", adminKey);
        return admin;
    }

    /// <summary>Puts the room in the department's queue through the admin API.</summary>
    public static async Task<HttpResponseMessage> TransferAsync(Uri baseAddress, string adminKey, string roomId, string department)
    {
        using var admin = Admin(baseAddress, adminKey);
        return await admin.PostAsJsonAsync($"api/v1/admin/rooms/{roomId}/transfer", new { department });
    }

    public async Task ConnectAsync()
    {
        var negotiated = await (await _http.PostAsync("api/v1/agent/negotiate", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        _connection = new HubConnectionBuilder()
            .WithUrl(negotiated!["url"]!.GetValue<string>(), o => o.AccessTokenProvider = () => Task.FromResult<string?>(negotiated["accessToken"]!.GetValue<string>()))
            .Build();
        foreach (var name in EventNames) _connection.On<JsonElement>(name, payload => Events.Enqueue((name, payload)));
        _connection.Closed += error =>
        {
            Closed.TrySetResult(error?.Message);
            return Task.CompletedTask;
        };
        await _connection.StartAsync();
    }

    public Task<HttpResponseMessage> QueueAsync(string department) => _http.GetAsync($"api/v1/agent/queue?department={department}");

    public Task<HttpResponseMessage> ClaimAsync(string roomId) => _http.PostAsync($"api/v1/agent/rooms/{roomId}/claim", null);

    public Task<HttpResponseMessage> SendAsync(string roomId, string clientMessageId, string text) =>
        _http.PostAsJsonAsync($"api/v1/agent/rooms/{roomId}/messages", new { clientMessageId, text });

    public Task<HttpResponseMessage> CloseAsync(string roomId) => _http.PostAsync($"api/v1/agent/rooms/{roomId}/close", null);

    public async Task<JsonArray> MessagesAsync(string roomId)
    {
        var transcript = await (await _http.GetAsync($"api/v1/agent/rooms/{roomId}/messages")).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        return transcript!["messages"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        _http.Dispose();
    }
}
