namespace Livechat.Core.Sessions;

/// <summary>A token the widget carries: it names the session and the visitor it is bound to.</summary>
public sealed record SessionToken(string SessionId, string VisitorId, DateTimeOffset ExpiresAt);
