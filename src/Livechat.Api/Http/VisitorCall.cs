using Livechat.Core.Common;
using Livechat.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Http;

/// <summary>
/// The shape of every visitor call: authenticate the bearer token, read the JSON body strictly, run the core
/// handler, map its outcome. Authentication comes first so an unauthenticated caller learns nothing about input rules.
/// </summary>
public sealed class VisitorCall(SessionAuthenticator auth)
{
    public async Task<IResult> RunAsync<TOut>(HttpRequest request, Func<VisitorSession, Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess,
        CancellationToken cancellationToken)
    {
        var session = await auth.AuthenticateAsync(BearerToken.From(request), cancellationToken);
        if (!session.IsSuccess) return session.Problem!.ToResult();
        return (await handle(session.Value!)).ToResult(onSuccess);
    }

    public Task<IResult> RunAsync<TIn, TOut>(HttpRequest request, Func<VisitorSession, TIn, Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess,
        CancellationToken cancellationToken, TIn? emptyBody = null) where TIn : class =>
        RunAsync(request, async session =>
        {
            var body = await JsonBody.ReadAsync(request, cancellationToken, emptyBody);
            return body.IsSuccess ? await handle(session, body.Value!) : body.Problem!;
        }, onSuccess, cancellationToken);
}
