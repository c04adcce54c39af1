using Livechat.Api.Http;
using Livechat.Core.Common;
using Livechat.Core.Realtime;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Realtime;

/// <summary>POST /api/v1/negotiate: the realtime URL and a token bound to the caller's own identity.</summary>
public sealed class NegotiateApi(VisitorCall call, IRealtimeNegotiator negotiator)
{
    public Task<IResult> NegotiateAsync(HttpRequest request, CancellationToken cancellationToken) =>
        call.RunAsync(request, s => Task.FromResult(Outcome<NegotiateResult>.Ok(negotiator.Negotiate(s.RealtimeUserId))), r => TypedResults.Ok(r), cancellationToken);
}
