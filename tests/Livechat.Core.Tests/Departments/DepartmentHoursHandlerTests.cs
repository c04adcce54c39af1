using Livechat.Core.Common;
using Livechat.Core.Departments;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Livechat.Core.Tests.Departments;

public sealed class DepartmentHoursHandlerTests
{
    private readonly Mock<IDepartmentStore> _store = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T10:00:00Z"));
    private readonly Department _sales = new("sales", "Sales", true, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Put_Valid_SavesTheHoursOnTheDepartment_KeepingTheRest()
    {
        _store.Setup(s => s.GetAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(_sales);
        var saved = (await new DepartmentHoursHandler(_store.Object, _time).PutAsync("sales",
            new BusinessHoursDefinition("Europe/Paris", [new OpeningDefinition("monday", "09:00", "17:00")], []), CancellationToken.None)).Value!;

        Assert.Equal(("Sales", true, "Europe/Paris"), (saved.Name, saved.Public, saved.Hours!.TimeZone));
        _store.Verify(s => s.SaveAsync(saved, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Put_BadZone_Is400NamingTimeZone_AndSavesNothing()
    {
        _store.Setup(s => s.GetAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(_sales);
        var outcome = await new DepartmentHoursHandler(_store.Object, _time).PutAsync("sales", new BusinessHoursDefinition("Nowhere/Here", [], []), CancellationToken.None);

        Assert.Equal((ProblemKind.Validation, "timeZone"), (outcome.Problem!.Kind, outcome.Problem.Errors!.Keys.Single()));
        _store.Verify(s => s.SaveAsync(It.IsAny<Department>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Put_UnknownDepartment_Is404()
    {
        var outcome = await new DepartmentHoursHandler(_store.Object, _time).PutAsync("nope", new BusinessHoursDefinition("UTC", [], []), CancellationToken.None);
        Assert.Equal(ProblemKind.NotFound, outcome.Problem!.Kind);
    }

    [Fact]
    public async Task DepartmentPut_KeepsTheHours()
    {
        var hours = new BusinessHours("UTC", [], ["2026-12-25"]);
        _store.Setup(s => s.GetAsync("sales", It.IsAny<CancellationToken>())).ReturnsAsync(_sales with { Hours = hours });
        var saved = (await new DepartmentAdminHandler(_store.Object, _time).PutAsync("sales", new DepartmentDefinition("Sales team", true), CancellationToken.None)).Value!;
        Assert.Same(hours, saved.Hours);
    }
}
