using System.Reflection;
using System.Text.Json;
using Azure.Data.Tables;
using Livechat.Azure.Tables;
using Livechat.Azure.Tests.Support;
using Livechat.Core.Admin;
using Livechat.Core.Attachments;
using Livechat.Core.Common;
using Livechat.Core.CustomFields;
using Livechat.Core.Notes;
using Livechat.Core.Privacy;
using Livechat.Core.Rooms;
using Livechat.Core.Rooms.Pages;
using Livechat.Core.Rooms.Receipts;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Livechat.Core.Webhooks.Events;
using Livechat.Core.Agents;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Privacy;

/// <summary>Export and erasure over every table on Azurite: a subject's rows go, another visitor's stay.</summary>
public sealed class PersonalDataTablesTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly AdminCaller Admin = new("key", "admin");

    private const string UserId = "user-4711";
    private const string Name = "Ada Lovelace";
    private const string Email = "ada@example.test";
    private const string Text = "my secret order number 99-ZX";
    private const string OtherText = "another visitor's words";

    private ServiceProvider _services = null!;
    private LivechatTables _tables = null!;
    private RecordingHistories _recorder = null!;

    public async Task InitializeAsync()
    {
        var services = Azurite.Services();
        RecordingHistories? recorder = null;
        services.AddSingleton(sp => recorder ??= new RecordingHistories(roomId =>
            sp.GetRequiredService<LivechatTables>().Rooms.GetEntityIfExists<TableEntity>(roomId, "room").HasValue));
        services.AddSingleton<IRoomHistories>(sp => sp.GetRequiredService<RecordingHistories>());
        services.AddSingleton<IAttachmentStore>(sp => sp.GetRequiredService<RecordingHistories>());
        _services = await Azurite.StartAsync(services);
        _tables = _services.GetRequiredService<LivechatTables>();
        _recorder = _services.GetRequiredService<RecordingHistories>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public void EveryTable_IsAHolderOrDeclaredFreeOfPersonalData()
    {
        var tables = typeof(LivechatTables).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Name", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var holders = PersonalDataTables.Holders(_tables).Select(h => h.Name).ToList();
        var free = PersonalDataTables.WithoutPersonalData.Keys.ToList();
        Assert.Empty(tables.Except(holders).Except(free));
        Assert.Empty(holders.Intersect(free));
        Assert.Equal(tables.Count, _tables.All.Count());
    }

    [Fact]
    public async Task EraseAsync_User_LeavesNoneOfItsDataInAnyTable_AndKeepsOthers()
    {
        var (roomId, anonymousRoomId) = await SeedUserAsync();
        var otherRoomId = await SeedOtherVisitorAsync();
        var privacy = _services.GetRequiredService<PrivacyHandler>();

        var export = (await privacy.ExportAsync(UserId, null, None)).Value!;
        var exported = JsonSerializer.Serialize(export, LivechatJson.Options);
        foreach (var table in new[] { "Sessions", "Rooms", "Users", "CustomFields", "Conversations", "AgentQueues", "IdleRoomClocks", "AgentActivity", "WebhookEvents", "WebhookDeadLetters" })
            Assert.True(export.Tables.ContainsKey(table), table);
        Assert.Contains(Text, exported);
        Assert.Contains(Email, exported);
        Assert.Contains("pre-login words", exported);
        Assert.DoesNotContain(OtherText, exported);

        var erased = (await privacy.EraseAsync(UserId, null, Admin, None)).Value!;
        Assert.Equal(2, erased.Rooms);
        Assert.True(erased.Rows["Rooms"] >= 6);

        foreach (var needle in new[] { UserId, Name, Email, Text, roomId, anonymousRoomId, "pre-login words" })
            Assert.Empty(await FindAsync(needle));
        Assert.NotEmpty(await FindAsync(OtherText));
        Assert.NotEmpty(await FindAsync(otherRoomId));
        // Every room was stopped while still stored, before anything went; its files and history went after.
        Assert.Equal([$"stop {roomId} stored", $"stop {anonymousRoomId} stored"], _recorder.Calls.Where(c => c.StartsWith("stop", StringComparison.Ordinal)).Order());
        Assert.Contains($"purge {roomId}", _recorder.Calls);
        Assert.Contains($"files {anonymousRoomId}", _recorder.Calls);

        var after = (await privacy.ExportAsync(UserId, null, None)).Value!;
        Assert.Empty(after.Tables);
        var again = (await privacy.EraseAsync(UserId, null, Admin, None)).Value!;
        Assert.Equal(0, again.Rooms);
        Assert.All(again.Rows.Values, n => Assert.Equal(0, n));

        var audit = await _services.GetRequiredService<IAuditLog>().ListAsync(10, None);
        Assert.Equal(2, audit.Count);
        Assert.All(audit, r => Assert.Equal(AuditActions.Erasure, r.Action));
        Assert.Equal(new DataSubject(UserId, null).Hash(), audit[0].SubjectHash);
        Assert.DoesNotContain(UserId, JsonSerializer.Serialize(audit, LivechatJson.Options));
    }

    [Fact]
    public async Task EraseAsync_Visitor_TakesItsRoomsOnly()
    {
        await SeedUserAsync();
        var otherRoomId = await SeedOtherVisitorAsync();
        var privacy = _services.GetRequiredService<PrivacyHandler>();

        var erased = (await privacy.EraseAsync(null, "v-other", Admin, None)).Value!;

        Assert.Equal(1, erased.Rooms);
        Assert.Empty(await FindAsync(otherRoomId));
        Assert.Empty(await FindAsync(OtherText));
        Assert.NotEmpty(await FindAsync(Text));
    }

    [Theory]
    [InlineData(null, null, "userId")]
    [InlineData("u", "v", "visitorId")]
    [InlineData("a b", null, "userId")]
    public async Task EraseAsync_BadSubject_IsRefusedNamingTheField(string? userId, string? visitorId, string field)
    {
        var erased = await _services.GetRequiredService<PrivacyHandler>().EraseAsync(userId, visitorId, Admin, None);
        Assert.True(erased.Problem!.Errors!.ContainsKey(field));
        Assert.Empty(await _services.GetRequiredService<IAuditLog>().ListAsync(10, None));
    }

    /// <summary>Every row of every table whose stored properties mention <paramref name="needle"/>.</summary>
    private async Task<List<string>> FindAsync(string needle)
    {
        var found = new List<string>();
        foreach (var table in _tables.All)
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: None))
            if (row.Any(p => p.Value?.ToString()?.Contains(needle, StringComparison.Ordinal) == true || row.RowKey.Contains(needle, StringComparison.Ordinal)))
                found.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}");
        return found;
    }

    private async Task<(string RoomId, string AnonymousRoomId)> SeedUserAsync()
    {
        var sessions = _services.GetRequiredService<ISessionStore>();
        var rooms = _services.GetRequiredService<IRoomStore>();
        // Before the sign-in, an anonymous chat on the same browser.
        await sessions.CreateAsync(new VisitorSession { SessionId = "s-anon", VisitorId = "v-ada", CreatedAt = Now }, None);
        var anonymous = await CreateRoomAsync(rooms, "r-anon", "s-anon", "v-ada", null);
        await rooms.AppendAsync(anonymous, new NewMessage(Sender.Visitor, "pre-login words", "k-anon"), Now, None);

        await sessions.CreateAsync(new VisitorSession { SessionId = "s-ada", VisitorId = "v-ada", UserId = UserId, CreatedAt = Now, UserParams = new UserParams(Name, Email) }, None);
        await _services.GetRequiredService<IUserStore>().GetOrCreateAsync(new ChatUser { UserId = UserId, UserParams = new UserParams(Name, Email, "+1 555"), CreatedAt = Now }, None);
        var room = await CreateRoomAsync(rooms, "r-ada", "s-ada", "v-ada", UserId);
        room = (await rooms.AppendAsync(room, new NewMessage(Sender.Visitor, Text, "k-1"), Now, None)).Messages[0].Room ?? room;
        await _services.GetRequiredService<INoteStore>().AddAsync(new RoomNote("n-1", "r-ada", 1, "agent-1", "Agent", $"note about {Name}", "c-1", Now), None);
        await _services.GetRequiredService<IReadReceiptStore>().AdvanceAsync("r-ada", Sender.Visitor, 1, None);
        await _services.GetRequiredService<IVisitorPageStore>().SaveAsync("r-ada", new VisitorPage("https://shop.test/orders/" + UserId, "Orders", Now), None);
        var fields = _services.GetRequiredService<ICustomFieldStore>();
        await fields.SetAsync(FieldOwner.User(UserId), new CustomField("plan", "gold " + Email, Now), None);
        await fields.SetAsync(FieldOwner.Visitor("v-ada"), new CustomField("shoe", Name, Now), None);
        await fields.SetAsync(FieldOwner.Room("r-ada"), new CustomField("order", Text, Now), None);
        await _services.GetRequiredService<IAgentQueue>().EnqueueAsync(room with { Department = "sales" }, Name, Now, None);
        await _services.GetRequiredService<IIdleRoomClocks>().SetAsync(new IdleRoomClock("r-ada", Now.AddMinutes(5)), None);
        await _services.GetRequiredService<IAgentActivityStore>().AddHeldRoomAsync("agent-1", "r-ada", None);
        var log = _services.GetRequiredService<IWebhookEventLog>();
        var eventId = WebhookEventIds.New(Now);
        await log.AppendAsync(new LoggedWebhookEvent(eventId, WebhookEventTypes.MessageCreated, "r-ada", $"{{\"text\":\"{Text}\"}}"), None);
        await log.AppendAsync(new LoggedWebhookEvent(WebhookEventIds.New(Now), WebhookEventTypes.UserIdentified, null, $"{{\"userId\":\"{UserId}\",\"visitorId\":\"v-ada\"}}"), None);
        await _services.GetRequiredService<IWebhookDeadLetterStore>().SaveAsync(new WebhookDeadLetter("wh-1", eventId, WebhookEventTypes.MessageCreated, "r-ada", 3, "500", Now), None);
        return ("r-ada", "r-anon");
    }

    private async Task<string> SeedOtherVisitorAsync()
    {
        var rooms = _services.GetRequiredService<IRoomStore>();
        await _services.GetRequiredService<ISessionStore>().CreateAsync(new VisitorSession { SessionId = "s-other", VisitorId = "v-other", CreatedAt = Now }, None);
        var room = await CreateRoomAsync(rooms, "r-other", "s-other", "v-other", null);
        await rooms.AppendAsync(room, new NewMessage(Sender.Visitor, OtherText, "k-o"), Now, None);
        await _services.GetRequiredService<IWebhookEventLog>().AppendAsync(
            new LoggedWebhookEvent(WebhookEventIds.New(Now), WebhookEventTypes.UserIdentified, null, "{\"userId\":\"someone-else\",\"visitorId\":\"v-x\"}"), None);
        return "r-other";
    }

    private static async Task<Room> CreateRoomAsync(IRoomStore rooms, string roomId, string sessionId, string visitorId, string? userId) =>
        (await rooms.CreateAsync(new Room
        {
            RoomId = roomId, SessionId = sessionId, VisitorId = visitorId, UserId = userId, RealtimeUserId = "rt-" + visitorId,
            RecipeId = "welcome", RecipeVersion = 1, CreatedAt = Now,
        }, None)).Room;
}
