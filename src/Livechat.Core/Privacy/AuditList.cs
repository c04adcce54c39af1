namespace Livechat.Core.Privacy;

/// <summary>The audit log's newest records.</summary>
public sealed record AuditList(IReadOnlyList<AuditRecord> Records);
