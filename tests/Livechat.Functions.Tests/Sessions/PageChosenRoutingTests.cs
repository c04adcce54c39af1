using Livechat.Core.Departments;
using Livechat.Core.Recipes;
using Livechat.Functions.Sessions;
using Microsoft.AspNetCore.Http;
using Moq;

namespace Livechat.Functions.Tests.Sessions;

/// <summary>setRecipe and setDepartment as the host runs them: a private id is a 404 naming the field, and nothing is written.</summary>
public sealed class PageChosenRoutingTests
{
    private readonly FunctionsApiHarness _api = new();

    public PageChosenRoutingTests()
    {
        _api.Recipes.Setup(r => r.GetHeadAsync("internal", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecipeHead(new Recipe { Id = "internal", Version = 1, Name = "Internal", StartBlockId = "hi", Blocks = [] }, false));
        _api.Departments.Setup(d => d.GetAsync("fraud", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Department("fraud", "Fraud desk", false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public async Task SetRecipe_PrivateRecipe_Returns404NamingRecipeId_AndWritesNothing()
    {
        var context = _api.NewContext("PUT", """{"recipeId":"internal"}""", $"Bearer {_api.Token}");

        var response = await FunctionsApiHarness.ExecuteAsync(await new SetRecipe(_api.SessionsApi).Run(context.Request, CancellationToken.None), context);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status404NotFound);
        Assert.True(response.Body!.Value.GetProperty("errors").TryGetProperty("recipeId", out _));
        _api.VerifyNoStoreWrites();
    }

    [Fact]
    public async Task SetDepartment_PrivateDepartment_Returns404NamingDepartment_AndWritesNothing()
    {
        var context = _api.NewContext("PUT", """{"department":"fraud"}""", $"Bearer {_api.Token}");

        var response = await FunctionsApiHarness.ExecuteAsync(await new SetDepartment(_api.SessionsApi).Run(context.Request, CancellationToken.None), context);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status404NotFound);
        Assert.True(response.Body!.Value.GetProperty("errors").TryGetProperty("department", out _));
        _api.VerifyNoStoreWrites();
    }
}
