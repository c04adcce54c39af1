using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>Subscribes a test receiver's path to chat-event webhooks through the admin API.</summary>
public static class WebhookSubscriptions
{
    public static async Task<(string Id, string Secret)> SubscribeAsync(Uri baseAddress, string adminKey, EventWebhookReceiver receiver, string path, string[] events)
    {
        using var admin = Agent.Admin(baseAddress, adminKey);
        var response = await admin.PostAsJsonAsync("api/v1/admin/webhooks", new { url = receiver.UrlOf(path), events });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (created!["subscription"]!["id"]!.GetValue<string>(), created["secret"]!.GetValue<string>());
    }
}
