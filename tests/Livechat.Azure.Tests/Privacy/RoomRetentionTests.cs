using Azure.Data.Tables;
using Livechat.Azure.Tables;
using Livechat.Azure.Tests.Support;
using Livechat.Core.Attachments;
using Livechat.Core.Privacy;
using Livechat.Core.Rooms;
using Livechat.Core.Webhooks.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Livechat.Azure.Tests.Privacy;

/// <summary>Retention on Azurite: only rooms ended longer ago than the setting go, with everything of theirs.</summary>
public sealed class RoomRetentionTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private ServiceProvider _services = null!;
    private RecordingHistories _recorder = null!;

    private Task StartAsync(double days)
    {
        var services = Azurite.Services(new Dictionary<string, string?> { ["Retention:EndedRoomDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSingleton(_ => new RecordingHistories(_ => true));
        services.AddSingleton<IRoomHistories>(sp => sp.GetRequiredService<RecordingHistories>());
        services.AddSingleton<IAttachmentStore>(sp => sp.GetRequiredService<RecordingHistories>());
        return StartWith(services);
    }

    private async Task StartWith(ServiceCollection services)
    {
        _services = await Azurite.StartAsync(services);
        _recorder = _services.GetRequiredService<RecordingHistories>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }

    [Fact]
    public async Task PurgeAsync_RemovesOnlyRoomsEndedBeforeTheCutoff()
    {
        await StartAsync(days: 30);
        await RoomAsync("r-old", started: Now.AddDays(-45), ended: Now.AddDays(-40));
        await RoomAsync("r-ended-lately", started: Now.AddDays(-45), ended: Now.AddDays(-10));
        await RoomAsync("r-open-old", started: Now.AddDays(-60), ended: null);
        await RoomAsync("r-new", started: Now.AddDays(-2), ended: Now.AddDays(-1));

        var purged = await _services.GetRequiredService<RoomRetention>().PurgeAsync(None);

        Assert.Equal(1, purged);
        Assert.Empty(await RowsOfAsync("r-old"));
        foreach (var kept in new[] { "r-ended-lately", "r-open-old", "r-new" }) Assert.NotEmpty(await RowsOfAsync(kept));
        Assert.Equal(["stop r-old", "files r-old", "purge r-old"], _recorder.Calls.Select(c => c.Replace(" stored", "", StringComparison.Ordinal)));
        var audit = Assert.Single(await _services.GetRequiredService<IAuditLog>().ListAsync(10, None));
        Assert.Equal(AuditActions.Retention, audit.Action);
        Assert.Null(audit.SubjectHash);
        Assert.Equal(0, await _services.GetRequiredService<RoomRetention>().PurgeAsync(None));
    }

    [Fact]
    public async Task PurgeAsync_FractionOfADay_CountsInHours()
    {
        await StartAsync(days: 0.5);
        await RoomAsync("r-13h", started: Now.AddHours(-14), ended: Now.AddHours(-13));
        await RoomAsync("r-11h", started: Now.AddHours(-12), ended: Now.AddHours(-11));

        Assert.Equal(1, await _services.GetRequiredService<RoomRetention>().PurgeAsync(None));
        Assert.Empty(await RowsOfAsync("r-13h"));
        Assert.NotEmpty(await RowsOfAsync("r-11h"));
    }

    [Fact]
    public async Task PurgeAsync_Off_KeepsEverything()
    {
        await StartAsync(days: 0);
        await RoomAsync("r-old", started: Now.AddDays(-900), ended: Now.AddDays(-800));

        Assert.Equal(0, await _services.GetRequiredService<RoomRetention>().PurgeAsync(None));
        Assert.NotEmpty(await RowsOfAsync("r-old"));
    }

    private async Task RoomAsync(string roomId, DateTimeOffset started, DateTimeOffset? ended)
    {
        var rooms = _services.GetRequiredService<IRoomStore>();
        var (room, _) = await rooms.CreateAsync(new Room
        {
            RoomId = roomId, SessionId = "s-" + roomId, VisitorId = "v-" + roomId, RealtimeUserId = "rt", RecipeId = "welcome", RecipeVersion = 1, CreatedAt = started,
        }, None);
        await rooms.AppendAsync(room, new NewMessage(Sender.Visitor, "words of " + roomId, "k-" + roomId), started, None);
        await _services.GetRequiredService<IWebhookEventLog>().AppendAsync(
            new LoggedWebhookEvent(WebhookEventIds.New(started), WebhookEventTypes.ChatStarted, roomId, "{}"), None);
        if (ended is null) return;
        var stored = (await rooms.GetAsync(roomId, None))!;
        Assert.NotNull(await rooms.TryReplaceAsync(stored with { Status = RoomStatus.Ended, EndedAt = ended, EndReason = EndReasons.ClosedByVisitor }, None));
    }

    private async Task<List<string>> RowsOfAsync(string roomId)
    {
        var found = new List<string>();
        foreach (var table in _services.GetRequiredService<LivechatTables>().All)
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: None))
            if (row.PartitionKey == roomId || row.Any(p => p.Value as string == roomId))
                found.Add(table.Name + "/" + row.RowKey);
        return found;
    }
}
