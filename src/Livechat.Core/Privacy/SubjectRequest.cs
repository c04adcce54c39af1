namespace Livechat.Core.Privacy;

/// <summary>The body of an erasure: the subject, by exactly one of its ids.</summary>
public sealed record SubjectRequest(string? UserId, string? VisitorId);
