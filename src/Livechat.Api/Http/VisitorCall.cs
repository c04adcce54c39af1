using Livechat.Core.Common;
using Livechat.Core.Sessions;

namespace Livechat.Api.Http;

/// <summary>A visitor's call: the bearer is the widget's session token.</summary>
public sealed class VisitorCall(SessionAuthenticator auth) : BearerCall<VisitorSession>
{
    protected override Task<Outcome<VisitorSession>> AuthenticateAsync(string? bearerToken, CancellationToken cancellationToken) =>
        auth.AuthenticateAsync(bearerToken, cancellationToken);
}
