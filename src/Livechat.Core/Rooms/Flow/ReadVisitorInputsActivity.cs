using Microsoft.DurableTask;

namespace Livechat.Core.Rooms;

/// <summary>Reads the visitor messages a room has not handled yet, from the transcript.</summary>
public sealed class ReadVisitorInputsActivity(IRoomStore rooms) : TaskActivity<ReadVisitorInputsRequest, List<VisitorInput>>
{
    public override Task<List<VisitorInput>> RunAsync(TaskActivityContext context, ReadVisitorInputsRequest input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<List<VisitorInput>> ExecuteAsync(ReadVisitorInputsRequest request, CancellationToken cancellationToken)
    {
        var messages = await rooms.ReadMessagesAsync(request.RoomId, request.AfterSeq, 500, cancellationToken);
        return messages.Where(m => m.Sender == Sender.Visitor).Select(m => VisitorInput.Of(m)).ToList();
    }
}
