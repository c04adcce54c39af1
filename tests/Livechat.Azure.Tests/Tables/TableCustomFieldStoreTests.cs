using Livechat.Azure.Tests.Support;
using Livechat.Core.CustomFields;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableCustomFieldStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;
    private ICustomFieldStore _fields = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _fields = _services.GetRequiredService<ICustomFieldStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SetAsync_ThenListAsync_ReturnsTheOwnersFieldsOnly_TheLastValueOfAKey()
    {
        await _fields.SetAsync(FieldOwner.Visitor("v-1"), new CustomField("plan", "free", At), None);
        await _fields.SetAsync(FieldOwner.Visitor("v-1"), new CustomField("plan", "pro", At.AddMinutes(1)), None);
        await _fields.SetAsync(FieldOwner.Visitor("v-1"), new CustomField("city", "Oslo", At), None);
        await _fields.SetAsync(FieldOwner.Visitor("v-2"), new CustomField("plan", "team", At), None);

        var listed = await _fields.ListAsync(FieldOwner.Visitor("v-1"), None);

        Assert.Equal([("city", "Oslo"), ("plan", "pro")], listed.Select(f => (f.Key, f.Value)).Order());
    }

    [Fact]
    public async Task CopyAsync_OverwritesSameKeys_KeepsTheOthers_AndWithDeleteEmptiesTheSource()
    {
        await _fields.SetAsync(FieldOwner.Visitor("v-1"), new CustomField("plan", "pro", At), None);
        await _fields.SetAsync(FieldOwner.Visitor("v-1"), new CustomField("lang", "nb", At), None);
        await _fields.SetAsync(FieldOwner.User("alice"), new CustomField("plan", "free", At), None);
        await _fields.SetAsync(FieldOwner.User("alice"), new CustomField("tier", "gold", At), None);

        await _fields.CopyAsync(FieldOwner.Visitor("v-1"), FieldOwner.User("alice"), deleteSource: false, None);
        Assert.Equal(2, (await _fields.ListAsync(FieldOwner.Visitor("v-1"), None)).Count);

        await _fields.CopyAsync(FieldOwner.Visitor("v-1"), FieldOwner.User("alice"), deleteSource: true, None);

        var user = await _fields.ListAsync(FieldOwner.User("alice"), None);
        Assert.Equal([("lang", "nb"), ("plan", "pro"), ("tier", "gold")], user.Select(f => (f.Key, f.Value)).Order());
        Assert.Empty(await _fields.ListAsync(FieldOwner.Visitor("v-1"), None));
    }

    [Fact]
    public async Task CopyAsync_FromAnOwnerWithoutFields_ChangesNothing()
    {
        await _fields.SetAsync(FieldOwner.Room("r-1"), new CustomField("topic", "billing", At), None);

        await _fields.CopyAsync(FieldOwner.PendingRoom("s-9"), FieldOwner.Room("r-1"), deleteSource: true, None);

        Assert.Equal(["billing"], (await _fields.ListAsync(FieldOwner.Room("r-1"), None)).Select(f => f.Value));
    }
}
