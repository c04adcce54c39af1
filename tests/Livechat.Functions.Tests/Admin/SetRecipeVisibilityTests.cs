using Livechat.Core.Recipes;
using Livechat.Functions.Admin;
using Microsoft.AspNetCore.Http;
using Moq;

namespace Livechat.Functions.Tests.Admin;

public sealed class SetRecipeVisibilityTests
{
    private readonly FunctionsApiHarness _api = new();

    [Fact]
    public async Task Run_WithTheAdminKey_SetsTheFlag_AndAnswersTheRecipesListRow()
    {
        var faq = new Recipe { Id = "faq", Version = 4, Name = "FAQ", StartBlockId = "hi", Blocks = [] };
        _api.Recipes.Setup(r => r.SetPublicAsync("faq", true, It.IsAny<CancellationToken>())).ReturnsAsync(new RecipeHead(faq, true));

        var response = await RunAsync("faq", """{"public":true}""", FunctionsApiHarness.AdminApiKey);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        var json = response.Body!.Value;
        Assert.Equal(("faq", "FAQ", 4, true), (json.GetProperty("id").GetString(), json.GetProperty("name").GetString(), json.GetProperty("version").GetInt32(), json.GetProperty("public").GetBoolean()));
        _api.Recipes.Verify(r => r.SaveNewVersionAsync(It.IsAny<Recipe>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("{}", "public")]
    [InlineData("""{"public":1}""", "public")]
    [InlineData("""{"public":true,"version":2}""", "version")]
    public async Task Run_InvalidBody_Returns400NamingTheField_AndChangesNothing(string body, string field)
    {
        var response = await RunAsync("faq", body, FunctionsApiHarness.AdminApiKey);

        FunctionsApiHarness.AssertValidationProblem(response, field);
        _api.VerifyNoStoreWrites();
    }

    [Fact]
    public async Task Run_VisitorTokenInsteadOfTheKey_Returns401_AndChangesNothing()
    {
        var context = _api.NewContext("PUT", """{"public":true}""", $"Bearer {_api.Token}");

        var response = await FunctionsApiHarness.ExecuteAsync(await new SetRecipeVisibility(_api.RecipesAdminApi).Run(context.Request, "faq", CancellationToken.None), context);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        _api.VerifyNoStoreWrites();
    }

    [Fact]
    public async Task Run_UnknownRecipe_Returns404NamingRecipeId()
    {
        var response = await RunAsync("nothere", """{"public":true}""", FunctionsApiHarness.AdminApiKey);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status404NotFound);
        Assert.True(response.Body!.Value.GetProperty("errors").TryGetProperty("recipeId", out _));
    }

    private async Task<HttpResponseSnapshot> RunAsync(string recipeId, string body, string? adminKey)
    {
        var context = _api.NewContext("PUT", body);
        if (adminKey is not null) context.Request.Headers["x-admin-key"] = adminKey;
        return await FunctionsApiHarness.ExecuteAsync(await new SetRecipeVisibility(_api.RecipesAdminApi).Run(context.Request, recipeId, CancellationToken.None), context);
    }
}
