namespace Livechat.Core.CannedResponses;

/// <summary>Body of a canned response's PUT: the text its shortcut expands into.</summary>
public sealed record CannedResponseRequest(string? Text);
