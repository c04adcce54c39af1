namespace Livechat.Core.Offline;

/// <summary>What the visitor typed into the offline form.</summary>
public sealed record OfflineMessageRequest(string? Name, string? Email, string? Message);
