namespace Livechat.Core.Csat;

/// <summary>The visitor's answer to "How was your chat?": a rating 1 to 5 and an optional comment.</summary>
public sealed record CsatRequest(int? Rating, string? Comment);
