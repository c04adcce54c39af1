namespace Livechat.Core.CannedResponses;

/// <summary>A department's canned responses, by shortcut.</summary>
public sealed record CannedResponseList(string Department, IReadOnlyList<CannedResponse> Responses);
