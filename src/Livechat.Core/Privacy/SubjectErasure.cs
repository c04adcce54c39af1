namespace Livechat.Core.Privacy;

/// <summary>What an erasure did: the audit record's id and the rows, rooms, orchestrations it removed (all 0 the second time).</summary>
public sealed record SubjectErasure(string AuditId, int Rooms, int Orchestrations, IReadOnlyDictionary<string, int> Rows);
