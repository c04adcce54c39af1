using Livechat.Api.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Sessions;

public sealed class ListCustomFields(SessionsApi api)
{
    [Function(nameof(ListCustomFields))]
    public Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/session/fields")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.ListCustomFieldsAsync(request, cancellationToken);
}
