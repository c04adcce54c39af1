using Azure.Data.Tables;
using Livechat.EndToEnd.Tests.Support;

namespace Livechat.EndToEnd.Tests;

/// <summary>
/// A long chat on the Functions host's Durable engine: the orchestration continues as new every few turns, so the
/// history a replay reads stays bounded however long the visitor talks, and no message is lost across generations.
/// </summary>
public sealed class LongChatTests(LongChatTests.ShortGenerations fixture) : IClassFixture<LongChatTests.ShortGenerations>
{
    [Fact]
    public async Task FortyTurns_TenAGeneration_HistoryOfTheCurrentExecutionStaysBounded_EveryTurnAnswered()
    {
        var server = fixture.Server;
        await using var visitor = await Visitor.CreateAsync(server.BaseAddress);
        var roomId = await visitor.OpenRoomAsync();
        await visitor.WaitForMessagesAsync(roomId, 2);
        var storage = new TableServiceClient(server.StorageConnectionString);
        var instances = storage.GetTableClient(server.TaskHubName + "Instances");
        var history = storage.GetTableClient(server.TaskHubName + "History");

        var executions = new HashSet<string>();
        var historySizes = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            (await visitor.PostAsync(roomId, new { clientMessageId = $"long-{i}", buttonId = i % 2 == 0 ? "pricing" : "support", text = "x" })).EnsureSuccessStatusCode();
            await visitor.WaitForMessagesAsync(roomId, 2 + (i + 1) * 3);
            if (i % 5 != 4) continue;
            var executionId = (await instances.GetEntityAsync<TableEntity>(roomId, "")).Value.GetString("ExecutionId");
            executions.Add(executionId);
            var rows = 0;
            await foreach (var _ in history.QueryAsync<TableEntity>(e => e.PartitionKey == roomId && e.GetString("ExecutionId") == executionId)) rows++;
            historySizes.Add(rows);
        }

        var messages = await visitor.MessagesAsync(roomId);
        Assert.Equal(2 + 40 * 3, messages.Count);
        Assert.Equal(Enumerable.Range(1, messages.Count).Select(n => (long)n), messages.Select(m => m!["seq"]!.GetValue<long>()));
        Assert.True(executions.Count >= 3, $"only {executions.Count} executions seen in 40 turns");
        Assert.All(historySizes, size => Assert.InRange(size, 1, 150));
    }

    public sealed class ShortGenerations : HostFixture
    {
        protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Rooms__TurnsPerGeneration"] = "10", ["Limits__MessagesPerMinute"] = "1000" };
    }
}
