using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Livechat.EndToEnd.Tests.Support;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// The conversations API on the real host: an agent token lists and reads only its departments' rooms, and a
/// transcript exports as JSON and as a text download.
/// </summary>
public sealed class ConversationsApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private Uri Base => fixture.Server.BaseAddress;

    [Fact]
    public async Task AnAgent_SeesOnlyItsDepartments_AndATranscriptExportsAsJsonAndText()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var sales = await RoomInAsync("sales", $"sales words {tag}");
        var support = await RoomInAsync("support", $"support words {tag}");
        await using var agent = await Agent.CreateAsync(Base, fixture.Server.AdminKey, $"sam-{tag}", "Sam", "sales");

        var listed = await (await agent.Http.GetAsync($"api/v1/agent/conversations?q={tag}")).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal([sales], listed!["conversations"]!.AsArray().Select(c => c!["roomId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"api/v1/agent/conversations/{support}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Http.GetAsync($"api/v1/agent/conversations/{support}/transcript?format=text")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient { BaseAddress = Base }.GetAsync("api/v1/agent/conversations")).StatusCode);

        var json = await (await agent.Http.GetAsync($"api/v1/agent/conversations/{sales}/transcript")).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains(json!["messages"]!.AsArray(), m => m!["text"]!.GetValue<string>() == $"sales words {tag}");
        using var text = await agent.Http.GetAsync($"api/v1/agent/conversations/{sales}/transcript?format=text");
        Assert.Equal("text/plain", text.EnsureSuccessStatusCode().Content.Headers.ContentType!.MediaType);
        Assert.Equal($"transcript-{sales}.txt", text.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Contains($": sales words {tag}\n", await text.Content.ReadAsStringAsync());

        using var admin = Agent.Admin(Base, fixture.Server.AdminKey);
        var adminText = await (await admin.GetAsync($"api/v1/admin/conversations/{support}/transcript?format=text")).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        Assert.Contains($"support words {tag}", adminText);
        using var bad = await admin.GetAsync($"api/v1/admin/conversations/{support}/transcript?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("format", await bad.Content.ReadAsStringAsync());
    }

    private async Task<string> RoomInAsync(string department, string words)
    {
        await using var visitor = await Visitor.CreateAsync(Base);
        var roomId = await visitor.OpenRoomAsync();
        var greeting = (await visitor.WaitForMessagesAsync(roomId, 1)).Count;
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsync(roomId, new { clientMessageId = "c-1", text = words })).StatusCode);
        await visitor.WaitForMessagesAsync(roomId, greeting + 1);
        (await Agent.TransferAsync(Base, fixture.Server.AdminKey, roomId, department)).EnsureSuccessStatusCode();
        return roomId;
    }
}
