namespace Livechat.Core.Agents;

/// <summary>The admin API's transfer of a room to a department's queue.</summary>
public sealed record TransferRequest(string? Department);
