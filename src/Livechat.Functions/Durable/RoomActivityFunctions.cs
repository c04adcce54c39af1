using Livechat.Core.Recipes;
using Livechat.Core.Rooms;
using Livechat.Core.Webhooks;
using Microsoft.Azure.Functions.Worker;

namespace Livechat.Functions.Durable;

/// <summary>Activity triggers over the core's room activities, named as the orchestrator calls them.</summary>
public sealed class RoomActivityFunctions(
    StartRoomActivity startRoom,
    ReadVisitorInputsActivity readInputs,
    ResumeDeferredRoomActivity resumeDeferredRoom,
    SendBotMessagesActivity sendBotMessages,
    TransferRoomActivity transferRoom,
    CallWebhookActivity callWebhook)
{
    [Function(nameof(StartRoomActivity))]
    public Task<RoomStart> StartRoom([ActivityTrigger] string roomId, CancellationToken cancellationToken) =>
        startRoom.ExecuteAsync(roomId, cancellationToken);

    [Function(nameof(ResumeDeferredRoomActivity))]
    public Task<DeferredRoomStart> ResumeDeferredRoom([ActivityTrigger] string roomId, CancellationToken cancellationToken) =>
        resumeDeferredRoom.ExecuteAsync(roomId, cancellationToken);

    [Function(nameof(ReadVisitorInputsActivity))]
    public Task<List<VisitorInput>> ReadVisitorInputs([ActivityTrigger] ReadVisitorInputsRequest request, CancellationToken cancellationToken) =>
        readInputs.ExecuteAsync(request, cancellationToken);

    [Function(nameof(SendBotMessagesActivity))]
    public Task<BotTurnResult> SendBotMessages([ActivityTrigger] BotTurn turn, CancellationToken cancellationToken) =>
        sendBotMessages.ExecuteAsync(turn, cancellationToken);

    [Function(nameof(TransferRoomActivity))]
    public Task<bool> TransferRoom([ActivityTrigger] TransferRoomRequest request, CancellationToken cancellationToken) =>
        transferRoom.ExecuteAsync(request, cancellationToken);

    [Function(nameof(CallWebhookActivity))]
    public Task<WebhookOutcome> CallWebhook([ActivityTrigger] WebhookCall call, CancellationToken cancellationToken) =>
        callWebhook.ExecuteAsync(call, cancellationToken);
}
