using System.Net.Http.Json;

namespace Livechat.EndToEnd.Tests.Support;

/// <summary>
/// The admin calls a customer's dashboard makes, over HTTP with the host's admin key: what pages may choose with
/// setRecipe and setDepartment is only what these mark public.
/// </summary>
public static class Dashboard
{
    public static async Task SetRecipePublicAsync(FunctionsHost server, string recipeId, bool isPublic = true)
    {
        using var admin = Agent.Admin(server.BaseAddress, server.AdminKey);
        (await admin.PutAsJsonAsync($"api/v1/admin/recipes/{recipeId}/visibility", new { @public = isPublic })).EnsureSuccessStatusCode();
    }

    public static async Task PutDepartmentAsync(FunctionsHost server, string departmentId, bool isPublic = true)
    {
        using var admin = Agent.Admin(server.BaseAddress, server.AdminKey);
        (await admin.PutAsJsonAsync($"api/v1/admin/departments/{departmentId}", new { name = departmentId, @public = isPublic })).EnsureSuccessStatusCode();
    }
}
