using Livechat.Core.Attachments;

namespace Livechat.Core.Privacy;

/// <summary>
/// Erases everything under a scope, for an erasure and for retention alike. The rooms' flows are stopped first: a
/// flow still running would write to the rows being deleted (a user's params, a transcript) after they went. Then
/// every holder's rows (sessions first, so the visitor's token stops working), the rooms' files, and last the
/// orchestration histories, which can only be purged once stopped.
/// </summary>
public sealed class PersonalDataEraser(IEnumerable<IPersonalDataHolder> holders, IRoomHistories histories, IAttachmentStore attachments)
{
    public const string OrchestrationsCount = "Orchestrations";
    public const string RoomsCount = "RoomsErased";

    public async Task<IReadOnlyDictionary<string, int>> EraseAsync(SubjectScope scope, CancellationToken cancellationToken)
    {
        foreach (var roomId in scope.RoomIds) await histories.StopAsync(roomId, cancellationToken);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var holder in holders) counts[holder.Name] = await holder.EraseAsync(scope, cancellationToken);
        var purged = 0;
        foreach (var roomId in scope.RoomIds)
        {
            await attachments.DeleteRoomAsync(roomId, cancellationToken);
            purged += await histories.PurgeAsync(roomId, cancellationToken);
        }
        counts[OrchestrationsCount] = purged;
        counts[RoomsCount] = scope.RoomIds.Count;
        return counts;
    }
}
