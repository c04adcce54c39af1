using Livechat.Core.Admin;
using Livechat.Core.Common;

namespace Livechat.Core.Privacy;

/// <summary>
/// A data subject's requests, for the admin: the export of everything stored about a user id or a visitor, and its
/// erasure, which is idempotent (a second one finds nothing and removes nothing) and leaves an audit record without
/// personal data.
/// </summary>
public sealed class PrivacyHandler(ISubjectLocator locator, IEnumerable<IPersonalDataHolder> holders, PersonalDataEraser eraser, IAuditLog audit,
    TimeProvider time)
{
    public async Task<Outcome<SubjectExport>> ExportAsync(string? userId, string? visitorId, CancellationToken cancellationToken)
    {
        var subject = DataSubject.Parse(userId, visitorId);
        if (!subject.IsSuccess) return subject.Problem!;
        var scope = await locator.LocateAsync(subject.Value!, cancellationToken);
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>>(StringComparer.Ordinal);
        foreach (var holder in holders)
        {
            var rows = await holder.ExportAsync(scope, cancellationToken);
            if (rows.Count > 0) tables[holder.Name] = rows;
        }
        return new SubjectExport(subject.Value!.UserId, subject.Value.VisitorId, time.GetUtcNow(), tables);
    }

    public async Task<Outcome<SubjectErasure>> EraseAsync(string? userId, string? visitorId, AdminCaller caller, CancellationToken cancellationToken)
    {
        var subject = DataSubject.Parse(userId, visitorId);
        if (!subject.IsSuccess) return subject.Problem!;
        var scope = await locator.LocateAsync(subject.Value!, cancellationToken);
        var counts = await eraser.EraseAsync(scope, cancellationToken);
        var record = new AuditRecord(Ids.New("a"), time.GetUtcNow(), $"{caller.Method}:{caller.Name}", AuditActions.Erasure, subject.Value!.Hash(), counts);
        await audit.AppendAsync(record, cancellationToken);
        var rows = counts.Where(c => c.Key is not PersonalDataEraser.OrchestrationsCount and not PersonalDataEraser.RoomsCount)
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        return new SubjectErasure(record.Id, scope.RoomIds.Count, counts[PersonalDataEraser.OrchestrationsCount], rows);
    }
}
