using Livechat.Core.Agents;
using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>
/// A transfer block: hands the room to a department's agents; the bot's part of the chat is over. A room with
/// no department goes to <see cref="DefaultDepartment"/>, so nobody is left waiting in a queue no agent sees.
/// </summary>
public sealed class TransferRoomActivity(RoomTransfer transfer) : TaskActivity<TransferRoomRequest, bool>
{
    public const string DefaultDepartment = "general";

    public override Task<bool> RunAsync(TaskActivityContext context, TransferRoomRequest input) => ExecuteAsync(input, CancellationToken.None);

    /// <summary>True when the room now waits for an agent (or already had one).</summary>
    public async Task<bool> ExecuteAsync(TransferRoomRequest request, CancellationToken cancellationToken)
    {
        var outcome = await transfer.TransferAsync(request.RoomId, request.Department ?? DefaultDepartment, cancellationToken);
        return outcome.IsSuccess;
    }
}
