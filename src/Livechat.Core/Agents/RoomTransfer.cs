using Livechat.Core.Realtime;
using Livechat.Core.Rooms;

namespace Livechat.Core.Agents;

/// <summary>Puts a room in a department's queue for agents (provisional: the agents work replaces it).</summary>
public sealed class RoomTransfer(IRoomStore rooms, IRealtimePublisher realtime, TimeProvider time)
{
    public async Task TransferAsync(string roomId, string? department, CancellationToken cancellationToken)
    {
        while (await rooms.GetAsync(roomId, cancellationToken) is { Status: RoomStatus.Open } room)
        {
            if (await rooms.TryReplaceAsync(room with { Status = RoomStatus.Waiting, Department = department ?? room.Department }, cancellationToken) is null) continue;
            var appended = await rooms.AppendAsync(roomId, new NewMessage(Sender.System, "Connecting you to an agent…", $"transfer-{roomId}"), time.GetUtcNow(), cancellationToken);
            if (appended is not null) await realtime.SendToUserAsync(room.RealtimeUserId, RealtimeEvents.Message, appended.Message, cancellationToken);
            return;
        }
    }
}
