using Livechat.Functions.Admin;
using Livechat.Functions.Agents;
using Microsoft.AspNetCore.Http;
using Moq;
using System.Text;

namespace Livechat.Functions.Tests.Admin;

/// <summary>
/// GET /api/v1/admin/whoami and the admin check behind every admin route: the key, or App Service's principal header
/// only when Easy Auth is configured.
/// </summary>
public sealed class AdminSignInFunctionsTests
{
    private const string Role = "Livechat.Admin";
    private static readonly string LeadWithTheRole = Principal("Lea Lead", Role);

    private static string Principal(string name, string role) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"{{name}}"},{"typ":"roles","val":"{{role}}"}]}"""));

    private static readonly Dictionary<string, string?> EasyAuth = new() { ["Admin:EasyAuthEnabled"] = "true", ["Admin:EasyAuthRole"] = Role };

    [Fact]
    public async Task WhoAmI_WithTheKey_AnswersKeyAndNoMicrosoftSignIn()
    {
        var response = await WhoAmIAsync(new FunctionsApiHarness(), key: FunctionsApiHarness.AdminApiKey);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("key", response.Body!.Value.GetProperty("method").GetString());
        Assert.Null(EntraSignInUrl(response));
    }

    [Fact]
    public async Task WhoAmI_EasyAuthOff_AForgedPrincipalHeader_Is401()
    {
        var response = await WhoAmIAsync(new FunctionsApiHarness(), principal: LeadWithTheRole);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        Assert.Null(EntraSignInUrl(response));
    }

    [Fact]
    public async Task WhoAmI_EasyAuthOn_NobodySignedIn_Is401NamingWhereToSignIn()
    {
        var response = await WhoAmIAsync(new FunctionsApiHarness(EasyAuth));

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status401Unauthorized);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=/dashboard/", response.Body!.Value.GetProperty("entraSignInUrl").GetString());
    }

    [Fact]
    public async Task WhoAmI_EasyAuthOn_SignedInWithTheRole_AnswersTheUser()
    {
        var response = await WhoAmIAsync(new FunctionsApiHarness(EasyAuth), principal: LeadWithTheRole);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("entra", response.Body!.Value.GetProperty("method").GetString());
        Assert.Equal("Lea Lead", response.Body.Value.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AdminRoute_EasyAuthOn_SignedInWithoutTheRole_Is403AndListsNothing()
    {
        var api = new FunctionsApiHarness(EasyAuth);
        var context = api.NewContext("GET", null);
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = Principal("Val", "Livechat.Reader");

        var response = await FunctionsApiHarness.ExecuteAsync(await new ListAgents(api.AdminApi).Run(context.Request, CancellationToken.None), context);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status403Forbidden);
        api.AgentTokenStore.Verify(s => s.ListAllAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RedeemInvitation_UnknownCode_Is404NamingCode()
    {
        var api = new FunctionsApiHarness();
        var context = api.NewContext("POST", """{"code":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}""");

        var response = await FunctionsApiHarness.ExecuteAsync(await new RedeemInvitation(api.AgentsApi).Run(context.Request, CancellationToken.None), context);

        FunctionsApiHarness.AssertProblem(response, StatusCodes.Status404NotFound);
        Assert.True(response.Body!.Value.GetProperty("errors").TryGetProperty("code", out _));
    }

    /// <summary>Where the answer says Microsoft sign-in is; null when it leaves it out or says null.</summary>
    private static string? EntraSignInUrl(HttpResponseSnapshot response) =>
        response.Body!.Value.TryGetProperty("entraSignInUrl", out var url) ? url.GetString() : null;

    private static async Task<HttpResponseSnapshot> WhoAmIAsync(FunctionsApiHarness api, string? key = null, string? principal = null)
    {
        var context = api.NewContext("GET", null);
        if (key is not null) context.Request.Headers["x-admin-key"] = key;
        if (principal is not null) context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = principal;
        return await FunctionsApiHarness.ExecuteAsync(new WhoAmI(api.AdminApi).Run(context.Request), context);
    }
}
