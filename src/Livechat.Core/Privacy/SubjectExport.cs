namespace Livechat.Core.Privacy;

/// <summary>
/// Everything stored about a subject, a section per table holding any of it (a table without any has none, so the
/// export of an erased subject has no sections).
/// </summary>
public sealed record SubjectExport(string? UserId, string? VisitorId, DateTimeOffset ExportedAt,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Tables);
