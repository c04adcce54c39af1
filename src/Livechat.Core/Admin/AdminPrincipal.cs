using System.Text;
using System.Text.Json;

namespace Livechat.Core.Admin;

/// <summary>
/// The signed-in user App Service authentication describes in <c>X-MS-CLIENT-PRINCIPAL</c>: base64 of
/// <c>{auth_typ, name_typ, role_typ, claims: [{typ, val}]}</c>. Parsing says nothing about trust: see <see cref="AdminAccess"/>.
/// </summary>
public sealed record AdminPrincipal(string IdentityProvider, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    private const int MaxLength = 32 * 1024;

    private static readonly string[] RoleTypes = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];
    private static readonly string[] NameTypes = ["name", "preferred_username", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"];

    /// <summary>True when the principal holds <paramref name="roleOrGroup"/> as an app role or a group.</summary>
    public bool Holds(string roleOrGroup) =>
        Roles.Contains(roleOrGroup, StringComparer.Ordinal) || Groups.Contains(roleOrGroup, StringComparer.OrdinalIgnoreCase);

    /// <summary>The principal in the header, or null when it is missing or not what App Service writes.</summary>
    public static AdminPrincipal? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > MaxLength) return null;
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
        if (wire is not { auth_typ: { Length: > 0 } provider, claims: { } claims }) return null;
        string[] roleTypes = wire.role_typ is { Length: > 0 } rt ? [rt, .. RoleTypes] : RoleTypes;
        string[] nameTypes = wire.name_typ is { Length: > 0 } nt ? [nt, .. NameTypes] : NameTypes;
        var valid = claims.Where(c => c is { typ.Length: > 0, val: not null }).Select(c => (Type: c!.typ!, Value: c.val!)).ToList();
        string[] ValuesOf(IEnumerable<string> types) => valid.Where(c => types.Contains(c.Type, StringComparer.Ordinal)).Select(c => c.Value).Distinct().ToArray();
        var name = nameTypes.Select(t => valid.FirstOrDefault(c => c.Type == t).Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return new AdminPrincipal(provider, name ?? "", ValuesOf(roleTypes), ValuesOf(["groups"]));
    }

#pragma warning disable IDE1006 // The wire names are App Service's.
    private sealed record Wire(string? auth_typ, string? name_typ, string? role_typ, List<Claim?>? claims);

    private sealed record Claim(string? typ, string? val);
#pragma warning restore IDE1006
}
