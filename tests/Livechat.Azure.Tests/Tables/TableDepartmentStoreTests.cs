using Livechat.Azure.Tests.Support;
using Livechat.Core.Departments;
using Microsoft.Extensions.DependencyInjection;

namespace Livechat.Azure.Tests.Tables;

public sealed class TableDepartmentStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private ServiceProvider _services = null!;
    private IDepartmentStore _store = null!;

    public async Task InitializeAsync()
    {
        _services = await Azurite.StartAsync(Azurite.Services());
        _store = _services.GetRequiredService<IDepartmentStore>();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SaveAsync_ThenGetAndList_ReturnWhatWasSaved()
    {
        var sales = new Department("sales", "Sales", true, At, At.AddMinutes(5));
        var fraud = new Department("fraud", "Fraud desk", false, At, At);
        await _store.SaveAsync(sales, None);
        await _store.SaveAsync(fraud, None);

        Assert.Equal(sales, await _store.GetAsync("sales", None));
        Assert.Equal([fraud, sales], (await _store.ListAsync(None)).OrderBy(d => d.Id));
        Assert.Null(await _store.GetAsync("Sales", None)); // ids are case-sensitive, as everywhere else
    }

    [Fact]
    public async Task SaveAsync_Again_ReplacesTheDepartmentWhole()
    {
        await _store.SaveAsync(new Department("sales", "Sales", true, At, At), None);
        var renamed = new Department("sales", "Sales EU", false, At, At.AddDays(1));

        await _store.SaveAsync(renamed, None);

        Assert.Equal(renamed, await _store.GetAsync("sales", None));
        Assert.Single(await _store.ListAsync(None));
    }

    [Fact]
    public async Task DeleteAsync_Deletes_AndDeletingAgainAnswersFalse()
    {
        await _store.SaveAsync(new Department("sales", "Sales", true, At, At), None);

        Assert.True(await _store.DeleteAsync("sales", None));
        Assert.False(await _store.DeleteAsync("sales", None));
        Assert.Null(await _store.GetAsync("sales", None));
        Assert.Empty(await _store.ListAsync(None));
    }
}
