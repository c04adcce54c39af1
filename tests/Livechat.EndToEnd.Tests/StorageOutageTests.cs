using Livechat.EndToEnd.Tests.Support;
using System.Net;

namespace Livechat.EndToEnd.Tests;

/// <summary>Storage goes away for a while: calls fail with 503 and Retry-After, and everything works again after.</summary>
public sealed class StorageOutageTests
{
    [Fact]
    public async Task AzuriteStopped_CallsAnswer503WithRetryAfter_AndTheChatGoesOnWhenItIsBack()
    {
        await using var azurite = new DedicatedAzurite();
        await azurite.StartAsync();
        await using var server = await FunctionsHost.StartAsync(new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Durable__ConnectionString"] = azurite.ConnectionString,
        });
        await using var visitor = await Visitor.CreateAsync(server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);

        azurite.Stop();
        var during = await visitor.PostAsync(roomId, new { clientMessageId = "outage-1", buttonId = "pricing", text = "Pricing" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(during.Headers.RetryAfter);
        Assert.DoesNotContain("   at ", await during.Content.ReadAsStringAsync()); // no stack trace

        await azurite.StartAsync();
        // The widget retries with the same client message id: stored and answered once.
        HttpResponseMessage retried;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            retried = await visitor.PostAsync(roomId, new { clientMessageId = "outage-1", buttonId = "pricing", text = "Pricing" });
        } while (retried.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline);
        retried.EnsureSuccessStatusCode();

        // The Functions host's Durable engine must win its partition leases back once storage returns: alone this
        // takes seconds, under the whole suite's load it took over a minute.
        var messages = await visitor.WaitForMessagesAsync(roomId, 5, timeoutSeconds: 120);
        Assert.Equal(["greet", "menu", null, "pricing", "menu"], messages.Select(m => m!["blockId"]?.GetValue<string>()));
        Assert.Single(messages, m => m!["sender"]!.GetValue<string>() == "visitor");
    }
}
