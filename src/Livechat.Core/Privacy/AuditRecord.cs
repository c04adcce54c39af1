namespace Livechat.Core.Privacy;

/// <summary>
/// What the audit log keeps of an erasure or a retention purge: when, who, what and how much, never whose data
/// (<see cref="SubjectHash"/> is a hash, null for retention).
/// </summary>
public sealed record AuditRecord(string Id, DateTimeOffset At, string Actor, string Action, string? SubjectHash, IReadOnlyDictionary<string, int> Counts);
