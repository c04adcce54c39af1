using Livechat.Api.Http;
using Livechat.Core.Common;
using Livechat.Core.CustomFields;
using Livechat.Core.Sessions;
using Livechat.Core.Users;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Sessions;

/// <summary>HTTP face of the session and configuration calls; both hosts route here.</summary>
public sealed class SessionsApi(
    VisitorCall call,
    CreateSessionHandler create,
    SessionViewHandler view,
    SetUserIdHandler setUserId,
    SetUserParamsHandler setUserParams,
    CustomFieldsHandler customFields,
    SetDepartmentHandler setDepartment,
    SetRecipeHandler setRecipe,
    LogoutHandler logout)
{
    /// <summary>POST /api/v1/sessions: a new anonymous visitor session and its token.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, cancellationToken, emptyAs: new EmptyRequest());
        if (!body.IsSuccess) return body.Problem!.ToResult();
        var created = await create.HandleAsync(ClientAddress.KeyOf(request), cancellationToken);
        return created.ToResult(c => TypedResults.Created("/api/v1/session", c));
    }

    /// <summary>GET /api/v1/session: the caller's own session.</summary>
    public Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, async s => Outcome<SessionView>.Ok(await view.HandleAsync(s, cancellationToken)), Ok, cancellationToken);

    /// <summary>PUT /api/v1/session/user: setUserId.</summary>
    public Task<IResult> SetUserIdAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<SetUserIdRequest, SessionView>(request, (s, body) => setUserId.HandleAsync(s, body, cancellationToken), Ok, cancellationToken);

    /// <summary>PUT /api/v1/session/params: setUserParams.</summary>
    public Task<IResult> SetUserParamsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<UserParamsRequest, SessionView>(request, (s, body) => setUserParams.HandleAsync(s, body, cancellationToken), Ok, cancellationToken);

    /// <summary>PUT /api/v1/session/fields/{key}: setCustomField.</summary>
    public Task<IResult> SetCustomFieldAsync(HttpRequest request, string key, CancellationToken cancellationToken) =>
        call.RunAsync<SetCustomFieldRequest, CustomField>(request, (s, body) => customFields.SetAsync(s, key, body, cancellationToken), Ok, cancellationToken);

    /// <summary>GET /api/v1/session/fields?scope=user|room: the fields of one scope.</summary>
    public Task<IResult> ListCustomFieldsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        FieldScope? scope = request.Query["scope"].ToString().ToLowerInvariant() switch
        {
            "" or "user" => FieldScope.User,
            "room" => FieldScope.Room,
            _ => null,
        };
        if (scope is not { } s) return Task.FromResult(Problem.Invalid("scope", "Either 'user' or 'room'.").ToResult());
        return call.RunAsync(request, session => customFields.ListAsync(session, s, cancellationToken), fields => TypedResults.Ok(new FieldList(s, fields)), cancellationToken);
    }

    /// <summary>PUT /api/v1/session/department: setDepartment.</summary>
    public Task<IResult> SetDepartmentAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<DepartmentRequest, SessionView>(request, (s, body) => body.Department is null
            ? Task.FromResult<Outcome<SessionView>>(Problem.Invalid("department", "Required; use DELETE to clear it."))
            : setDepartment.HandleAsync(s, body.Department, cancellationToken), Ok, cancellationToken);

    /// <summary>DELETE /api/v1/session/department: clearDepartment.</summary>
    public Task<IResult> ClearDepartmentAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, s => setDepartment.HandleAsync(s, null, cancellationToken), Ok, cancellationToken);

    /// <summary>PUT /api/v1/session/recipe: setRecipe.</summary>
    public Task<IResult> SetRecipeAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync<RecipeRequest, SessionView>(request, (s, body) => body.RecipeId is null
            ? Task.FromResult<Outcome<SessionView>>(Problem.Invalid("recipeId", "Required; use DELETE to return to the default recipe."))
            : setRecipe.HandleAsync(s, body.RecipeId, cancellationToken), Ok, cancellationToken);

    /// <summary>DELETE /api/v1/session/recipe: back to the default recipe.</summary>
    public Task<IResult> ClearRecipeAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, s => setRecipe.HandleAsync(s, null, cancellationToken), Ok, cancellationToken);

    /// <summary>POST /api/v1/session/logout: logout.</summary>
    public Task<IResult> LogoutAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, s => logout.HandleAsync(s, cancellationToken), Ok, cancellationToken);

    private static IResult Ok<T>(T value) => TypedResults.Ok(value);
}

/// <summary>A body with no fields: anything else in it is refused.</summary>
public sealed record EmptyRequest;

/// <summary>The fields of one scope.</summary>
public sealed record FieldList(FieldScope Scope, IReadOnlyList<CustomField> Fields);
