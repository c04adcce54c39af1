using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Livechat.EndToEnd.Tests.Support;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// Erasure on the real host: a signed-in visitor's chat with params, messages, a note and a file, its flow running,
/// is erased, and then no table (the task hub's History and Instances included), no queue and no blob in Azurite holds
/// the user's id, name, e-mail or words; the export is empty and a second erasure changes nothing.
/// </summary>
public sealed class DataErasureTests(DataErasureTests.Host fixture) : IClassFixture<DataErasureTests.Host>
{
    private Uri Base => fixture.Server.BaseAddress;

    [Fact]
    public async Task AnErasedUser_LeavesNoTraceInAnyTableQueueOrBlob()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var userId = $"user-{tag}";
        var name = $"Zed Quill{tag}";
        var email = $"zq{tag}@example.test";
        var words = $"my order number is {tag}-77";
        var noteText = $"vip customer {tag}";
        var fileName = $"receipt-{tag}.txt";

        await using var visitor = await Visitor.CreateAsync(Base);
        (await visitor.Http.PutAsJsonAsync("api/v1/session/user", new { userId })).EnsureSuccessStatusCode();
        (await visitor.Http.PutAsJsonAsync("api/v1/session/params", new { name, email })).EnsureSuccessStatusCode();
        var roomId = await visitor.OpenRoomAsync();
        var greeting = (await visitor.WaitForMessagesAsync(roomId, 1)).Count;
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsync(roomId, new { clientMessageId = "c-1", text = words })).StatusCode);
        var bytes = System.Text.Encoding.UTF8.GetBytes($"paid by {name}, {email}");
        var upload = await (await visitor.AttachAsync(roomId, new { name = fileName, contentType = "text/plain", size = bytes.Length }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        using (var put = new HttpRequestMessage(HttpMethod.Put, upload!["uploadUrl"]!.GetValue<string>()) { Content = new ByteArrayContent(bytes) })
        using (var blobs = new HttpClient())
        {
            foreach (var (key, value) in upload["headers"]!.AsObject())
                if (!put.Headers.TryAddWithoutValidation(key, value!.GetValue<string>())) put.Content.Headers.TryAddWithoutValidation(key, value.GetValue<string>());
            (await blobs.SendAsync(put)).EnsureSuccessStatusCode();
        }
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsync(roomId, new { clientMessageId = "c-2", attachmentId = upload["attachmentId"]!.GetValue<string>() })).StatusCode);
        await visitor.WaitForMessagesAsync(roomId, greeting + 2);
        await using var agent = await Agent.CreateAsync(Base, fixture.Server.AdminKey, $"eve-{tag}", "Eve", "sales");
        (await Agent.TransferAsync(Base, fixture.Server.AdminKey, roomId, "sales")).EnsureSuccessStatusCode();
        (await agent.ClaimAsync(roomId)).EnsureSuccessStatusCode();
        (await agent.Http.PostAsJsonAsync($"api/v1/agent/rooms/{roomId}/notes", new { clientNoteId = "n-1", text = noteText })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted, (await agent.SendAsync(roomId, "a-1", $"Thanks {name}")).StatusCode);
        await visitor.WaitForMessagesAsync(roomId, greeting + 4);
        string[] needles = [userId, name, email, words, noteText, fileName, roomId];
        Assert.NotEmpty(await AzuriteScan.FindAsync(needles));

        using var admin = Agent.Admin(Base, fixture.Server.AdminKey);
        var export = await (await admin.GetAsync($"api/v1/admin/subjects/export?userId={userId}")).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        Assert.Contains(words, export);
        Assert.Contains(email, export);
        Assert.Contains(noteText, export);

        var erased = await (await admin.PostAsJsonAsync("api/v1/admin/subjects/erase", new { userId })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(1, erased!["rooms"]!.GetValue<int>());
        Assert.Equal(1, erased["orchestrations"]!.GetValue<int>());

        var left = await AzuriteScan.FindAsync(needles);
        Assert.True(left.Count == 0, string.Join("\n", left.Take(30)));
        var after = await (await admin.GetAsync($"api/v1/admin/subjects/export?userId={userId}")).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        Assert.Empty(after!["tables"]!.AsObject());
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.Http.GetAsync($"api/v1/rooms/{roomId}/messages")).StatusCode);

        var again = await (await admin.PostAsJsonAsync("api/v1/admin/subjects/erase", new { userId })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(0, again!["rooms"]!.GetValue<int>());
        Assert.All(again["rows"]!.AsObject(), r => Assert.Equal(0, r.Value!.GetValue<int>()));
        Assert.Empty(await AzuriteScan.FindAsync(needles));
        var audit = await (await admin.GetAsync("api/v1/admin/audit")).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        Assert.Contains(erased["auditId"]!.GetValue<string>(), audit);
        Assert.DoesNotContain(userId, audit);
    }

    /// <summary>A host with its own attachments container, so the blob scan reads this test's files only besides the shared ones.</summary>
    public sealed class Host : HostFixture
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Storage__AttachmentsContainer"] = "erasure-" + Guid.NewGuid().ToString("N")[..12],
        };
    }
}
