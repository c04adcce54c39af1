using Livechat.Api.Http;
using Livechat.Core.Realtime;
using Livechat.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Realtime;

/// <summary>POST /api/v1/negotiate: the realtime URL and a token bound to the caller's own identity.</summary>
public sealed class NegotiateApi(SessionAuthenticator auth, IRealtimeNegotiator negotiator)
{
    public async Task<IResult> NegotiateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var session = await auth.AuthenticateAsync(BearerToken.From(request), cancellationToken);
        return session.ToResult(s => TypedResults.Ok(negotiator.Negotiate(s.RealtimeUserId)));
    }
}
