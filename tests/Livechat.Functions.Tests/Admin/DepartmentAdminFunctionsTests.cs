using Livechat.Core.Departments;
using Livechat.Functions.Admin;
using Microsoft.AspNetCore.Http;
using Moq;

namespace Livechat.Functions.Tests.Admin;

/// <summary>The department routes as the host runs them: the admin key first, then a strict body, then JSON a dashboard lists.</summary>
public sealed class DepartmentAdminFunctionsTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FunctionsApiHarness _api = new();

    [Fact]
    public async Task PutDepartment_WithTheAdminKey_StoresIt_AndAnswersTheDepartment()
    {
        var response = await PutAsync("sales", """{"name":"Sales","public":true}""", FunctionsApiHarness.AdminApiKey);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        var json = response.Body!.Value;
        Assert.Equal("sales", json.GetProperty("id").GetString());
        Assert.Equal("Sales", json.GetProperty("name").GetString());
        Assert.True(json.GetProperty("public").GetBoolean());
        Assert.Equal(json.GetProperty("createdAt").GetDateTimeOffset(), json.GetProperty("updatedAt").GetDateTimeOffset());
        _api.Departments.Verify(d => d.SaveAsync(It.Is<Department>(x => x.Id == "sales" && x.Public), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("functions-tests-admin-key-0123456789abcdeX")]
    public async Task PutDepartment_WithoutTheAdminKey_Returns401_AndStoresNothing(string? key)
    {
        var response = await PutAsync("sales", """{"name":"Sales","public":true}""", key);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        _api.VerifyNoStoreWrites();
        _api.Departments.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("""{"name":"Sales","public":"yes"}""", "public")]
    [InlineData("""{"name":"Sales","public":true,"agents":["ann"]}""", "agents")]
    [InlineData("""{"public":true}""", "name")]
    [InlineData("", "body")]
    public async Task PutDepartment_InvalidBody_Returns400NamingTheField_AndStoresNothing(string body, string field)
    {
        var response = await PutAsync("sales", body, FunctionsApiHarness.AdminApiKey);

        FunctionsApiHarness.AssertValidationProblem(response, field);
        _api.VerifyNoStoreWrites();
    }

    [Fact]
    public async Task ListDepartments_AnswersEveryDepartmentWithItsFlag()
    {
        _api.Departments.Setup(d => d.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
            [new Department("sales", "Sales", true, Created, Created), new Department("fraud", "Fraud desk", false, Created, Created)]);
        var context = WithKey(_api.NewContext("GET", null), FunctionsApiHarness.AdminApiKey);

        var response = await FunctionsApiHarness.ExecuteAsync(await new ListDepartments(_api.DepartmentsAdminApi).Run(context.Request, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        var listed = response.Body!.Value.GetProperty("departments").EnumerateArray()
            .Select(d => (d.GetProperty("id").GetString(), d.GetProperty("name").GetString(), d.GetProperty("public").GetBoolean())).ToList();
        Assert.Equal([("fraud", "Fraud desk", false), ("sales", "Sales", true)], listed);
    }

    [Fact]
    public async Task DeleteDepartment_Unknown_Returns404NamingDepartmentId()
    {
        var context = WithKey(_api.NewContext("DELETE", null), FunctionsApiHarness.AdminApiKey);

        var response = await FunctionsApiHarness.ExecuteAsync(await new DeleteDepartment(_api.DepartmentsAdminApi).Run(context.Request, "nothere", CancellationToken.None), context);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status404NotFound);
        Assert.True(response.Body!.Value.GetProperty("errors").TryGetProperty("departmentId", out _));
    }

    private async Task<HttpResponseSnapshot> PutAsync(string departmentId, string body, string? adminKey)
    {
        var context = WithKey(_api.NewContext("PUT", body), adminKey);
        return await FunctionsApiHarness.ExecuteAsync(await new PutDepartment(_api.DepartmentsAdminApi).Run(context.Request, departmentId, CancellationToken.None), context);
    }

    private static HttpContext WithKey(HttpContext context, string? adminKey)
    {
        if (adminKey is not null) context.Request.Headers["x-admin-key"] = adminKey;
        return context;
    }
}
