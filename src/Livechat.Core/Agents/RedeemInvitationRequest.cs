namespace Livechat.Core.Agents;

/// <summary>The agent console's request to redeem an invitation's code.</summary>
public sealed record RedeemInvitationRequest(string? Code);
