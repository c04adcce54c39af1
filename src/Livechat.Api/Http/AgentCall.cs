using Livechat.Core.Agents;
using Livechat.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Http;

/// <summary>
/// The shape of every agent call: authenticate the bearer agent token (a visitor's session token is refused), read
/// the JSON body strictly, run the core handler, map its outcome.
/// </summary>
public sealed class AgentCall(AgentAuthenticator auth)
{
    public async Task<IResult> RunAsync<TOut>(HttpRequest request, Func<AgentIdentity, Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess,
        CancellationToken cancellationToken)
    {
        var agent = await auth.AuthenticateAsync(BearerToken.From(request), cancellationToken);
        if (!agent.IsSuccess) return agent.Problem!.ToResult();
        return (await handle(agent.Value!)).ToResult(onSuccess);
    }

    public Task<IResult> RunAsync<TIn, TOut>(HttpRequest request, Func<AgentIdentity, TIn, Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess,
        CancellationToken cancellationToken, TIn? emptyBody = null) where TIn : class =>
        RunAsync(request, async agent =>
        {
            var body = await JsonBody.ReadAsync(request, cancellationToken, emptyBody);
            return body.IsSuccess ? await handle(agent, body.Value!) : body.Problem!;
        }, onSuccess, cancellationToken);
}
