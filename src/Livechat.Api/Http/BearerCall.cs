using Livechat.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Http;

/// <summary>
/// The shape of every call made with a bearer token: authenticate the caller, read the JSON body strictly, run the
/// core handler, map its outcome. Authentication comes first so an unauthenticated caller learns nothing about input rules.
/// </summary>
public abstract class BearerCall<TCaller>
{
    protected abstract Task<Outcome<TCaller>> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken);

    public async Task<IResult> RunAsync<TOut>(HttpRequest request, Func<TCaller, Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess,
        CancellationToken cancellationToken)
    {
        var caller = await AuthenticateAsync(BearerToken.From(request), cancellationToken);
        if (!caller.IsSuccess) return caller.Problem!.ToResult();
        return (await handle(caller.Value!)).ToResult(onSuccess);
    }

    public Task<IResult> RunAsync<TIn, TOut>(HttpRequest request, Func<TCaller, TIn, Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess,
        CancellationToken cancellationToken, TIn? emptyBody = null) where TIn : class =>
        RunAsync(request, async caller =>
        {
            var body = await JsonBody.ReadAsync(request, cancellationToken, emptyBody);
            return body.IsSuccess ? await handle(caller, body.Value!) : body.Problem!;
        }, onSuccess, cancellationToken);
}
