using Livechat.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Context.Features;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.DurableTask.Client;

namespace Livechat.Functions.Middleware;

/// <summary>
/// The Durable client is a per-invocation binding, not a service: this binds it for the room orchestration port
/// around every function that declares <c>[DurableClient]</c>, so no function body has to remember to.
/// </summary>
internal sealed class DurableClientMiddleware : IFunctionsWorkerMiddleware
{
    public const string BindingType = "durableClient";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        // The parameters are bound once per invocation (the feature keeps the result for the function itself); the
        // client's converter is declared on the parameter's attribute, so binding the one binding alone finds none.
        var inputs = await context.Features.Get<IFunctionInputBindingFeature>()!.BindFunctionInputAsync(context);
        var client = inputs.Values.OfType<DurableTaskClient>().FirstOrDefault()
            ?? throw new InvalidOperationException($"The Durable client of {context.FunctionDefinition.Name} could not be bound.");
        using var _ = InvocationDurableClient.Bind(client);
        await next(context);
    }

    public static bool Applies(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == BindingType);
}
