using Livechat.Core.Common;
using Livechat.EndToEnd.Tests.Support;
using System.Text;
using Xunit.Abstractions;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// Generated malformed and hostile requests against every endpoint: none may cause a 5xx, every 4xx carries a problem
/// body, and none changes anything in storage.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FunctionsHost _server = null!;

    public async Task InitializeAsync() => _server = await FunctionsHost.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly string[] HostileStrings =
    [
        "", " ", new string('x', 70_000), "\u0000", "\ud800", "💥🔥", "a/b", "a\\b", "a#b", "a?b", "%2F..%2F", "../../etc/passwd",
        "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "' OR '1'='1", "PartitionKey eq 'x'", "\u202eevil", "null", "true",
    ];

    private static readonly string[] HostileBodies =
    [
        "{", "[]", "null", "42", "\"text\"", "{\"a\":", "{\"text\":123}", "{\"text\":[1,2]}", "{\"clientMessageId\":{}}",
        "{\"userId\":null}", "{\"value\":\"v\",\"scope\":\"planet\"}", "{\"value\":\"v\",\"scope\":2}", "{\"department\":\"a/b\"}",
        "{\"recipeId\":\"../x\"}", "{\"email\":\"<script>@x\"}", "{\"unknownField\":1}", "{\"text\":\"\\ud800\"}",
    ];

    [Fact]
    public async Task HostileRequests_NeverServerErrors_AlwaysProblemBodies_NeverWrite()
    {
        await using var owner = await Visitor.CreateAsync(_server.BaseAddress);
        var roomId = await owner.OpenRoomAsync();
        await owner.WaitForMessagesAsync(roomId, 2);
        await using var intruder = await Visitor.CreateAsync(_server.BaseAddress);
        var parts = intruder.Token.Split('.');
        var tokens = new (string Name, string? Token)[]
        {
            ("none", null), ("garbage", "not-a-token"), ("forged", parts[0] + "." + new string('A', parts[1].Length)),
            ("truncated", intruder.Token[..^3]), ("other visitor", intruder.Token), ("empty", ""),
        };
        var before = await StorageSnapshot.TakeAsync(_server.TablePrefix);

        var cases = new List<(HttpMethod Method, string Path, string? Body, string? Token, string Why)>();
        string Enc(string s) => Uri.EscapeDataString(s.Length > 2000 ? s[..2000] : s);
        var routes = new (HttpMethod Method, string Path)[]
        {
            (HttpMethod.Get, "api/v1/session"), (HttpMethod.Put, "api/v1/session/user"), (HttpMethod.Put, "api/v1/session/params"),
            (HttpMethod.Put, "api/v1/session/fields/{x}"), (HttpMethod.Get, "api/v1/session/fields?scope={x}"),
            (HttpMethod.Put, "api/v1/session/department"), (HttpMethod.Delete, "api/v1/session/department"),
            (HttpMethod.Put, "api/v1/session/recipe"), (HttpMethod.Post, "api/v1/session/logout"), (HttpMethod.Post, "api/v1/negotiate"),
            (HttpMethod.Post, "api/v1/rooms"), (HttpMethod.Get, "api/v1/rooms/{room}/messages?afterSeq={x}"),
            (HttpMethod.Post, "api/v1/rooms/{room}/messages"), (HttpMethod.Post, "api/v1/rooms/{room}/close"), (HttpMethod.Post, "api/v1/rooms/{room}/typing"),
            (HttpMethod.Post, "api/v1/agent/rooms/{room}/typing"),
            (HttpMethod.Post, "api/v1/rooms/{room}/read"), (HttpMethod.Put, "api/v1/rooms/{room}/page"),
            (HttpMethod.Post, "api/v1/agent/rooms/{room}/read"), (HttpMethod.Post, "api/v1/agent/rooms/{room}/notes"),
            (HttpMethod.Get, "api/v1/agent/rooms/{room}/visitor"), (HttpMethod.Get, "api/v1/agent/canned-responses?department={x}"),
            (HttpMethod.Get, "api/v1/admin/departments/{x}/canned-responses"), (HttpMethod.Put, "api/v1/admin/departments/{x}/canned-responses/{x}"),
            (HttpMethod.Delete, "api/v1/admin/departments/{x}/canned-responses/{x}"),
            (HttpMethod.Post, "api/v1/rooms/{room}/attachments"), (HttpMethod.Post, "api/v1/agent/rooms/{room}/attachments"),
            (HttpMethod.Get, "api/v1/agent/queue?department={x}"), (HttpMethod.Post, "api/v1/agent/rooms/{room}/claim"),
            (HttpMethod.Post, "api/v1/admin/recipes"), (HttpMethod.Post, "api/v1/admin/agents/token"),
            (HttpMethod.Post, "api/v1/admin/rooms/{room}/transfer"), (HttpMethod.Put, "api/v1/admin/default-recipe"),
            (HttpMethod.Get, "api/v1/admin/agents/{x}/tokens"), (HttpMethod.Delete, "api/v1/admin/agents/{x}/tokens"),
            (HttpMethod.Delete, "api/v1/admin/agents/{x}/tokens/{x}"),
            (HttpMethod.Get, "api/v1/admin/departments"), (HttpMethod.Put, "api/v1/admin/departments/{x}"),
            (HttpMethod.Delete, "api/v1/admin/departments/{x}"), (HttpMethod.Put, "api/v1/admin/recipes/{x}/visibility"),
            (HttpMethod.Get, "api/v1/admin/brands"), (HttpMethod.Get, "api/v1/admin/brands/{x}"), (HttpMethod.Put, "api/v1/admin/brands/{x}"),
            (HttpMethod.Delete, "api/v1/admin/brands/{x}"),
            (HttpMethod.Put, "api/v1/admin/recipes/{x}/draft"), (HttpMethod.Post, "api/v1/admin/recipes/{x}/publish"),
            (HttpMethod.Post, "api/v1/admin/recipes/{x}/preview"),
            (HttpMethod.Get, "api/v1/admin/conversations?q={x}"), (HttpMethod.Get, "api/v1/admin/conversations/{room}"),
            (HttpMethod.Get, "api/v1/admin/overview?days={x}"),
            (HttpMethod.Get, "api/v1/admin/webhooks"), (HttpMethod.Post, "api/v1/admin/webhooks"), (HttpMethod.Get, "api/v1/admin/webhooks/{x}"),
            (HttpMethod.Put, "api/v1/admin/webhooks/{x}"), (HttpMethod.Delete, "api/v1/admin/webhooks/{x}"), (HttpMethod.Post, "api/v1/admin/webhooks/{x}/secret"),
            (HttpMethod.Get, "api/v1/admin/webhooks/{x}/dead-letters"), (HttpMethod.Post, "api/v1/admin/webhooks/{x}/dead-letters/{x}/resend"),
            (HttpMethod.Get, "api/v1/admin/webhooks/{x}/events?after={x}"), (HttpMethod.Post, "api/v1/admin/webhooks/{x}/replay"),
            (HttpMethod.Get, "api/v1/agent/presence"), (HttpMethod.Put, "api/v1/agent/presence"), (HttpMethod.Put, "api/v1/admin/agents/{x}/capacity"),
            (HttpMethod.Put, "api/v1/admin/departments/{x}/hours"), (HttpMethod.Delete, "api/v1/admin/departments/{x}/hours"),
            (HttpMethod.Post, "api/v1/rooms/{room}/offline-message"), (HttpMethod.Post, "api/v1/rooms/{room}/csat"),
            (HttpMethod.Post, "api/v1/agent/rooms/{room}/transfer"), (HttpMethod.Get, "api/v1/agent/offline-messages"),
            (HttpMethod.Get, "api/v1/admin/subjects/export?userId={x}"), (HttpMethod.Post, "api/v1/admin/subjects/erase"),
            (HttpMethod.Get, "api/v1/admin/audit"), (HttpMethod.Get, "api/v1/admin/conversations/{room}/transcript?format={x}"),
            (HttpMethod.Get, "api/v1/agent/conversations?q={x}"), (HttpMethod.Get, "api/v1/agent/conversations/{room}"),
            (HttpMethod.Get, "api/v1/agent/conversations/{room}/transcript?format={x}"),
        };
        foreach (var (method, path) in routes)
        {
            // Every kind of bad token, on the intruder's and the owner's room.
            foreach (var (name, token) in tokens)
                foreach (var room in new[] { roomId, "rnothere" })
                    // A valid token of another visitor is only hostile against the owner's room.
                    if (name != "other visitor" || path.Contains("{room}"))
                        cases.Add((method, path.Replace("{room}", room).Replace("{x}", "x"), "{}", token, $"token {name}"));
            // A valid token of another visitor, with hostile path values and bodies.
            // Logging out is the one write a visitor's own token may make: it gets only the bad tokens.
            if (path.EndsWith("/logout", StringComparison.Ordinal)) continue;
            foreach (var s in HostileStrings)
                // Kestrel itself refuses a NUL in the path, before the app runs: NUL goes only into bodies.
                cases.Add((method, s.Contains('\u0000') ? path.Replace("{room}", roomId).Replace("{x}", "x") : path.Replace("{room}", Enc(s)).Replace("{x}", Enc(s)), $"{{\"text\":{System.Text.Json.JsonSerializer.Serialize(s)},\"clientMessageId\":\"c1\"}}", intruder.Token, "hostile value"));
            foreach (var body in HostileBodies)
                cases.Add((method, path.Replace("{room}", roomId).Replace("{x}", "x"), body, intruder.Token, "hostile body"));
        }

        // The admin key itself, on the routes that mark what pages may choose: hostile ids with a body that would be
        // accepted, and hostile bodies. Every one is refused: an id that is not safe never reaches storage.
        var adminCases = new List<(HttpMethod Method, string Path, string? Body, string Why)>();
        var choosable = new (HttpMethod Method, string Path, string Body)[]
        {
            (HttpMethod.Put, "api/v1/admin/departments/{x}", "{\"name\":\"Sales\",\"public\":true}"),
            (HttpMethod.Delete, "api/v1/admin/departments/{x}", ""),
            (HttpMethod.Put, "api/v1/admin/brands/{x}", "{\"title\":\"Acme\"}"),
            (HttpMethod.Put, "api/v1/admin/recipes/{x}/visibility", "{\"public\":true}"),
            // A draft under a new id would be stored (that is how the dashboard creates a recipe): only hostile ids here.
            (HttpMethod.Put, "api/v1/admin/recipes/{x}/draft", "{\"name\":\"Sales\",\"startBlockId\":\"\",\"blocks\":[]}"),
            (HttpMethod.Post, "api/v1/admin/recipes/{x}/publish", ""),
            (HttpMethod.Post, "api/v1/admin/recipes/{x}/preview", ""),
        };
        foreach (var (method, path, body) in choosable)
        {
            foreach (var id in HostileStrings.Where(h => !h.Contains('\u0000') && !Ids.IsSafe(h, 64)))
                adminCases.Add((method, path.Replace("{x}", Enc(id)), body, "admin: hostile id"));
            if (method == HttpMethod.Delete || path.EndsWith("/draft", StringComparison.Ordinal)) continue;
            foreach (var hostile in HostileBodies.Append("{\"name\":\"Sales\",\"public\":\"yes\"}").Append("{\"name\":\"" + new string('n', 101) + "\"}"))
                adminCases.Add((method, path.Replace("{x}", "x"), hostile, "admin: hostile body"));
        }
        // The admin key on the dashboard's reads: every filter of the conversations list, a room id, the overview's days.
        foreach (var hostile in HostileStrings.Where(h => !h.Contains('\u0000')))
        {
            foreach (var filter in new[] { "status", "department", "userId", "from", "to", "q", "continuationToken", "pageSize" })
                adminCases.Add((HttpMethod.Get, $"api/v1/admin/conversations?{filter}={Enc(hostile)}", null, "admin: hostile filter"));
            adminCases.Add((HttpMethod.Get, $"api/v1/admin/conversations/{Enc(hostile)}", null, "admin: hostile room id"));
            adminCases.Add((HttpMethod.Get, $"api/v1/admin/overview?days={Enc(hostile)}", null, "admin: hostile days"));
        }
        // The admin key on the webhook routes: hostile ids and cursors, and subscriptions that must not be stored.
        foreach (var hostile in HostileStrings.Where(h => !h.Contains('\u0000')))
        {
            adminCases.Add((HttpMethod.Get, $"api/v1/admin/webhooks/{Enc(hostile)}/events?after={Enc(hostile)}", null, "admin: hostile webhook id"));
            adminCases.Add((HttpMethod.Post, $"api/v1/admin/webhooks/{Enc(hostile)}/dead-letters/{Enc(hostile)}/resend", null, "admin: hostile webhook id"));
            adminCases.Add((HttpMethod.Put, $"api/v1/admin/webhooks/{Enc(hostile)}", "{\"url\":\"https://example.com/x\",\"events\":[\"chat.started\"]}", "admin: hostile webhook id"));
            adminCases.Add((HttpMethod.Post, "api/v1/admin/webhooks", $"{{\"url\":{System.Text.Json.JsonSerializer.Serialize(hostile)},\"events\":[\"chat.started\"]}}", "admin: hostile webhook url"));
        }
        foreach (var hostile in HostileBodies.Append("{\"url\":\"ftp://example.com/x\",\"events\":[\"chat.started\"]}")
                     .Append("{\"url\":\"https://example.com/x\",\"events\":[\"chat.exploded\"]}").Append("{\"url\":\"https://u:p@example.com/x\",\"events\":[\"chat.started\"]}"))
            adminCases.Add((HttpMethod.Post, "api/v1/admin/webhooks", hostile, "admin: hostile webhook body"));
        // The admin key on the data-subject routes: hostile ids are refused before any table is read; no erasure of a real id here.
        foreach (var hostile in HostileStrings.Where(h => !h.Contains('\u0000') && !Ids.IsSafe(h)))
        {
            adminCases.Add((HttpMethod.Get, $"api/v1/admin/subjects/export?userId={Enc(hostile)}", null, "admin: hostile subject"));
            adminCases.Add((HttpMethod.Get, $"api/v1/admin/subjects/export?visitorId={Enc(hostile)}", null, "admin: hostile subject"));
            adminCases.Add((HttpMethod.Post, "api/v1/admin/subjects/erase", $"{{\"userId\":{System.Text.Json.JsonSerializer.Serialize(hostile)}}}", "admin: hostile subject"));
            adminCases.Add((HttpMethod.Get, $"api/v1/admin/conversations/{Enc(hostile)}/transcript?format={Enc(hostile)}", null, "admin: hostile transcript"));
        }
        foreach (var hostile in HostileBodies.Append("{\"userId\":\"a\",\"visitorId\":\"b\"}").Append("{}"))
            adminCases.Add((HttpMethod.Post, "api/v1/admin/subjects/erase", hostile, "admin: hostile subject body"));
        cases.AddRange(adminCases.Select(c => (c.Method, c.Path, c.Body, (string?)null, c.Why)));

        using var http = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var (method, path, body, token, why) in cases)
        {
            using var request = new HttpRequestMessage(method, path);
            if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
            if (why.StartsWith("admin:", StringComparison.Ordinal)) request.Headers.Add("x-admin-key", _server.AdminKey);
            if (body is not null && method != HttpMethod.Get && method != HttpMethod.Delete) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500) failures.Add($"{status} {method} {path[..Math.Min(path.Length, 80)]} ({why})");
            // An empty segment ("rooms//messages", "fields/") matches no route of the app: the Functions host answers
            // that 404 itself, without a body, before the app runs (in Azure as here). It writes nothing either.
            else if (status == 404 && HasEmptySegment(path)) continue;
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{status} without a problem body: {method} {path[..Math.Min(path.Length, 80)]} ({why})");
            // Reads, negotiate and clearing the intruder's own (already empty) department are allowed; nothing else is.
            else if (status < 400 && !(method == HttpMethod.Get || path.Contains("negotiate") || path == "api/v1/session/department"))
                failures.Add($"{status} accepted: {method} {path[..Math.Min(path.Length, 80)]} ({why})");
        }

        output.WriteLine($"{cases.Count} hostile requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} x {s.Key}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(before, await StorageSnapshot.TakeAsync(_server.TablePrefix));
        Assert.Equal(2, (await owner.MessagesAsync(roomId)).Count);
    }

    private static bool HasEmptySegment(string path)
    {
        var route = path.Split('?')[0];
        return route.Contains("//", StringComparison.Ordinal) || route.EndsWith('/');
    }
}
