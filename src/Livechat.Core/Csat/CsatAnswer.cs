namespace Livechat.Core.Csat;

/// <summary>The visitor's rating of a chat with an agent, 1 (poor) to 5 (great), kept on the room.</summary>
public sealed record CsatAnswer(int Rating, string? Comment, DateTimeOffset SubmittedAt);
