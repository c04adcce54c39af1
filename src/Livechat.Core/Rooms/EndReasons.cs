namespace Livechat.Core.Rooms;

/// <summary>Why a room ended, as sent in chatEnded events.</summary>
public static class EndReasons
{
    public const string ClosedByVisitor = "closed";
    public const string Logout = "logout";
    public const string RecipeEnded = "recipe";
    public const string Inactivity = "inactivity";
    public const string ClosedByAgent = "agent";
    /// <summary>The visitor left a message on the offline form.</summary>
    public const string Offline = "offline";
}
