namespace Livechat.Core.CannedResponses;

public sealed record CannedResponseDeleted(string Department, string Shortcut);
