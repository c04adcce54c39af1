namespace Livechat.Core.CannedResponses;

/// <summary>A department's ready answer: typing <c>/shortcut</c> in the agent console expands it into <paramref name="Text"/>.</summary>
public sealed record CannedResponse(string Department, string Shortcut, string Text, DateTimeOffset UpdatedAt);
