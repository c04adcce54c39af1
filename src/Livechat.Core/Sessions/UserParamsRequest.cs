namespace Livechat.Core.Sessions;

/// <summary>setUserParams: each given value replaces the stored one; omitted values stay as they are.</summary>
public sealed record UserParamsRequest(string? Name, string? Email, string? Phone);
