namespace Livechat.Core.Sessions;

/// <summary>What the widget may see of its own session.</summary>
public sealed record SessionView(
    string SessionId, string VisitorId, string? UserId, string? OpenRoomId, string? Department, string? RecipeId, UserParams UserParams)
{
    public static SessionView From(VisitorSession s) =>
        new(s.SessionId, s.VisitorId, s.UserId, s.OpenRoomId, s.Department, s.RecipeId, s.UserParams);
}
