using Livechat.Core.Admin;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.Text;
using System.Text.Json;

namespace Livechat.Core.Tests.Admin;

/// <summary>Who may use the admin API: the key, or a signed-in Entra ID user with the role, and the header only when Easy Auth writes it.</summary>
public sealed class AdminAccessTests
{
    private const string Key = "unit-test-admin-key-0123456789abcdef";
    private const string Role = "Livechat.Admin";

    /// <summary>What App Service writes for a signed-in Entra ID user (the claims it passes on from the ID token).</summary>
    private static string PrincipalHeader(params (string Type, string Value)[] claims) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
        claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
    })));

    private static readonly string Lead = PrincipalHeader(("name", "Lea Lead"), ("preferred_username", "lea@contoso.com"), ("roles", Role));

    [Fact]
    public void Parse_AppServicePrincipal_ReadsNameRolesAndGroups()
    {
        var principal = AdminPrincipal.Parse(PrincipalHeader(
            ("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "Lea Lead"),
            ("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Livechat.Admin"),
            ("roles", "Other.Role"),
            ("groups", "3f2c1a55-0000-4000-8000-000000000001")));

        Assert.NotNull(principal);
        Assert.Equal("aad", principal.IdentityProvider);
        Assert.Equal("Lea Lead", principal.Name);
        Assert.Equal(["Livechat.Admin", "Other.Role"], principal.Roles);
        Assert.True(principal.Holds("3F2C1A55-0000-4000-8000-000000000001"), "group object ids compare without case");
        Assert.False(principal.Holds("livechat.admin"), "app role values are case-sensitive");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJjbGFpbXMiOltdfQ==")] // {"claims":[]}: no auth_typ
    public void Parse_NotWhatAppServiceWrites_IsNull(string? header)
    {
        Assert.Null(AdminPrincipal.Parse(header));
    }

    [Fact]
    public void Authenticate_EasyAuthOff_ForgedPrincipalWithTheRole_IsUnauthorized()
    {
        var outcome = Access(easyAuth: false).Authenticate(null, Lead);

        Assert.Equal(ProblemKind.Unauthorized, outcome.Problem?.Kind);
    }

    [Fact]
    public void Authenticate_EasyAuthOn_PrincipalWithTheRole_IsTheSignedInUser()
    {
        var outcome = Access(easyAuth: true).Authenticate(null, Lead);

        Assert.Equal(new AdminCaller("entra", "Lea Lead"), outcome.Value);
    }

    [Fact]
    public void Authenticate_EasyAuthOn_PrincipalInTheGroup_IsTheSignedInUser()
    {
        const string group = "3f2c1a55-0000-4000-8000-000000000001";
        var outcome = Access(easyAuth: true, role: group).Authenticate(null, PrincipalHeader(("name", "Gus"), ("groups", group)));

        Assert.Equal(new AdminCaller("entra", "Gus"), outcome.Value);
    }

    [Fact]
    public void Authenticate_EasyAuthOn_PrincipalWithoutTheRole_IsForbiddenAndNamesTheRole()
    {
        var outcome = Access(easyAuth: true).Authenticate(null, PrincipalHeader(("name", "Val Visitor"), ("roles", "Livechat.Reader")));

        Assert.Equal(ProblemKind.Forbidden, outcome.Problem?.Kind);
        Assert.Contains(Role, outcome.Problem!.Detail);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Authenticate_TheKey_IsTheAdminEitherWay(bool easyAuth)
    {
        Assert.Equal("key", Access(easyAuth).Authenticate(Key, null).Value?.Method);
    }

    [Fact]
    public void Authenticate_EasyAuthOn_NeitherKeyNorPrincipal_IsUnauthorizedAndSaysHowToSignIn()
    {
        var outcome = Access(easyAuth: true).Authenticate("wrong", null);

        Assert.Equal(ProblemKind.Unauthorized, outcome.Problem?.Kind);
        Assert.Contains("Sign in with Microsoft", outcome.Problem!.Detail);
    }

    [Fact]
    public void Options_EasyAuthWithoutARole_FailValidation()
    {
        var options = new AdminOptions { ApiKey = Key, EasyAuthEnabled = true };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var valid = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(AdminOptions.EasyAuthRole)));
    }

    private static AdminAccess Access(bool easyAuth, string role = Role)
    {
        var options = Options.Create(new AdminOptions { ApiKey = Key, EasyAuthEnabled = easyAuth, EasyAuthRole = role });
        return new AdminAccess(new AdminKey(options), options);
    }
}
