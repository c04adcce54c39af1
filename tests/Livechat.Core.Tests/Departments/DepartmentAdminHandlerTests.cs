using Livechat.Core.Common;
using Livechat.Core.Departments;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Departments;

/// <summary>The dashboard's department calls: ids and names checked before anything is stored, private unless said.</summary>
public sealed class DepartmentAdminHandlerTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Mock<IDepartmentStore> _store = new();
    private readonly FakeTimeProvider _time = new(Created.AddDays(2));

    [Fact]
    public async Task PutAsync_NewDepartment_IsStored_CreatedAndUpdatedNow_PrivateWhenPublicIsLeftOut()
    {
        var outcome = await Handler().PutAsync("sales", new DepartmentDefinition("  Sales  ", null), CancellationToken.None);

        var expected = new Department("sales", "Sales", false, _time.GetUtcNow(), _time.GetUtcNow());
        Assert.Equal(expected, outcome.Value);
        _store.Verify(s => s.SaveAsync(expected, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PutAsync_ExistingDepartment_IsReplaced_KeepingWhenItWasCreated()
    {
        _store.Setup(s => s.GetAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(new Department("sales", "Old", false, Created, Created));

        var outcome = await Handler().PutAsync("sales", new DepartmentDefinition("Sales", true), CancellationToken.None);

        Assert.Equal(new Department("sales", "Sales", true, Created, _time.GetUtcNow()), outcome.Value);
    }

    [Theory]
    [InlineData("a/b", "Sales", "departmentId")]
    [InlineData("a b", "Sales", "departmentId")]
    [InlineData("sales", null, "name")]
    [InlineData("sales", "   ", "name")]
    [InlineData("sales", "Sa\u0000les", "name")]
    public async Task PutAsync_BadIdOrName_IsRefusedNamingTheField_AndStoresNothing(string id, string? name, string field)
    {
        var outcome = await Handler().PutAsync(id, new DepartmentDefinition(name, true), CancellationToken.None);

        Assert.Equal(ProblemKind.Validation, outcome.Problem!.Kind);
        Assert.True(outcome.Problem.Errors!.ContainsKey(field));
        _store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task PutAsync_NameOverTheLimit_IsRefused()
    {
        var outcome = await Handler().PutAsync("sales", new DepartmentDefinition(new string('n', DepartmentAdminHandler.MaxNameLength + 1), true), CancellationToken.None);

        Assert.True(outcome.Problem!.Errors!.ContainsKey("name"));
    }

    [Fact]
    public async Task ListAsync_ListsEveryDepartmentById()
    {
        _store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [new Department("support", "Support", true, Created, Created), new Department("billing", "Billing", false, Created, Created)]);

        var list = await Handler().ListAsync(CancellationToken.None);

        Assert.Equal(["billing", "support"], list.Value!.Departments.Select(d => d.Id));
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("../etc")]
    public async Task DeleteAsync_UnknownOrUnsafeId_Is404NamingDepartmentId(string id)
    {
        var outcome = await Handler().DeleteAsync(id, CancellationToken.None);

        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
        Assert.True(outcome.Problem.Errors!.ContainsKey("departmentId"));
    }

    [Fact]
    public async Task DeleteAsync_ExistingDepartment_IsDeleted()
    {
        _store.Setup(s => s.DeleteAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var outcome = await Handler().DeleteAsync("sales", CancellationToken.None);

        Assert.Equal(new DepartmentDeleted("sales"), outcome.Value);
    }

    private DepartmentAdminHandler Handler() => new(_store.Object, _time);
}
