using Livechat.Core.Agents;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>A transfer block: hands the room to a department's agents; the bot's part of the chat is over.</summary>
public sealed class TransferRoomActivity(RoomTransfer transfer) : TaskActivity<TransferRoomRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, TransferRoomRequest input) => ExecuteAsync(input, CancellationToken.None);

    public async Task<bool> ExecuteAsync(TransferRoomRequest request, CancellationToken cancellationToken)
    {
        await transfer.TransferAsync(request.RoomId, request.Department, cancellationToken);
        return true;
    }
}
