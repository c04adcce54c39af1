using System.Text.Json;
using Livechat.Core.Common;
using Livechat.Core.Privacy;

namespace Livechat.Azure.Tables;

/// <summary>The audit log in Table Storage (see <see cref="AuditLogEntity"/>), newest first.</summary>
public sealed class TableAuditLog(LivechatTables tables) : IAuditLog
{
    public async Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        await tables.AuditLog.AddEntityAsync(new AuditLogEntity
        {
            PartitionKey = AuditLogEntity.PartitionFor(record.At),
            RowKey = AuditLogEntity.RowFor(record.At, record.Id),
            At = record.At,
            Actor = record.Actor,
            Action = record.Action,
            SubjectHash = record.SubjectHash,
            Counts = JsonSerializer.Serialize(record.Counts, LivechatJson.Options),
        }, cancellationToken);

    public async Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var list = new List<AuditRecord>();
        await foreach (var e in tables.AuditLog.QueryAsync<AuditLogEntity>(maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken))
        {
            var id = e.RowKey[(e.RowKey.IndexOf('_', StringComparison.Ordinal) + 1)..];
            list.Add(new AuditRecord(id, e.At, e.Actor, e.Action, e.SubjectHash,
                JsonSerializer.Deserialize<Dictionary<string, int>>(e.Counts, LivechatJson.Options) ?? []));
            if (list.Count >= limit) break;
        }
        return list;
    }
}
