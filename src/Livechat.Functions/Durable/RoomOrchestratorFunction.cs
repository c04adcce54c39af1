using Livechat.Core.Rooms;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Livechat.Functions.Durable;

/// <summary>The orchestration trigger over the core's <see cref="RoomOrchestrator"/>.</summary>
public static class RoomOrchestratorFunction
{
    [Function(nameof(RoomOrchestrator))]
    public static Task<RoomFlowEnd> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RoomOrchestrator().RunAsync(context, context.GetInput<RoomOrchestrationInput>()!);
}
