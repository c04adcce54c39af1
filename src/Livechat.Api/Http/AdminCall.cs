using Livechat.Core.Admin;
using Livechat.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Http;

/// <summary>
/// The shape of every admin call: check the caller (the <c>x-admin-key</c> header in constant time, or the App Service
/// principal when Easy Auth is configured), read the JSON body strictly, run the core handler, map its outcome. The
/// caller is checked first, so one without access learns nothing.
/// </summary>
public sealed class AdminCall(AdminAccess access)
{
    public async Task<IResult> RunAsync<TIn, TOut>(HttpRequest request, Func<TIn, Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess,
        CancellationToken cancellationToken) where TIn : class
    {
        if (Authenticate(request) is { IsSuccess: false } refused) return refused.Problem!.ToResult();
        var body = await JsonBody.ReadAsync<TIn>(request, cancellationToken);
        if (!body.IsSuccess) return body.Problem!.ToResult();
        return (await handle(body.Value!)).ToResult(onSuccess);
    }

    /// <summary>An admin call without a body (reads and deletes).</summary>
    public async Task<IResult> RunAsync<TOut>(HttpRequest request, Func<Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess)
    {
        if (Authenticate(request) is { IsSuccess: false } refused) return refused.Problem!.ToResult();
        return (await handle()).ToResult(onSuccess);
    }

    /// <summary>Who calls, or the 401/403 problem to answer with.</summary>
    public Outcome<AdminCaller> Authenticate(HttpRequest request) =>
        access.Authenticate(request.Headers[AdminKey.HeaderName].ToString(), request.Headers[AdminPrincipal.HeaderName].ToString());
}
