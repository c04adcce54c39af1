using Livechat.Api.Http;
using Livechat.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Sessions;

/// <summary>HTTP face of the session calls; both hosts route here.</summary>
public sealed class SessionsApi(CreateSessionHandler create, SessionAuthenticator auth)
{
    /// <summary>POST /api/v1/sessions: a new anonymous visitor session and its token.</summary>
    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, cancellationToken, emptyAs: new EmptyRequest());
        if (!body.IsSuccess) return body.Problem!.ToResult();
        var created = await create.HandleAsync(cancellationToken);
        return TypedResults.Created("/api/v1/session", created);
    }

    /// <summary>GET /api/v1/session: the caller's own session.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var session = await auth.AuthenticateAsync(BearerToken.From(request), cancellationToken);
        return session.ToResult(s => TypedResults.Ok(SessionView.From(s)));
    }
}

/// <summary>A body with no fields: anything else in it is refused.</summary>
public sealed record EmptyRequest;
