using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class SetCustomField(SessionsApi api)
{
    [Function(nameof(SetCustomField))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/session/fields/{key}")] HttpRequest request,
        string key,
        CancellationToken cancellationToken) =>
        api.SetCustomFieldAsync(request, key, cancellationToken);
}
