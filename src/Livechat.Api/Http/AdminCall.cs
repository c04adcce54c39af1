using Livechat.Core.Admin;
using Livechat.Core.Common;
using Microsoft.AspNetCore.Http;

namespace Livechat.Api.Http;

/// <summary>
/// The shape of every admin call: check the <c>x-admin-key</c> header in constant time, read the JSON body
/// strictly, run the core handler, map its outcome. The key is checked first, so a caller without it learns nothing.
/// </summary>
public sealed class AdminCall(AdminKey key)
{
    public async Task<IResult> RunAsync<TIn, TOut>(HttpRequest request, Func<TIn, Task<Outcome<TOut>>> handle, Func<TOut, IResult> onSuccess,
        CancellationToken cancellationToken) where TIn : class
    {
        if (key.Check(request.Headers[AdminKey.HeaderName].ToString()) is { } refused) return refused.ToResult();
        var body = await JsonBody.ReadAsync<TIn>(request, cancellationToken);
        if (!body.IsSuccess) return body.Problem!.ToResult();
        return (await handle(body.Value!)).ToResult(onSuccess);
    }
}
