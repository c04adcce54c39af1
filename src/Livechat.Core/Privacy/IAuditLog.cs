namespace Livechat.Core.Privacy;

/// <summary>The append-only audit log of data erasures and purges.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The newest records first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditRecord>> ListAsync(int limit, CancellationToken cancellationToken);
}
