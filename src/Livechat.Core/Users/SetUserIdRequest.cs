namespace Livechat.Core.Users;

/// <summary>setUserId, with the identity-verification signature when the deployment requires one.</summary>
public sealed record SetUserIdRequest(string? UserId, string? Signature);
