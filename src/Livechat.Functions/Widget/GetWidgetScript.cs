using Livechat.Api.Widget;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Widget;

public sealed class GetWidgetScript(WidgetScript script)
{
    [Function(nameof(GetWidgetScript))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "widget.js")] HttpRequest request) => script.Get(request);
}
