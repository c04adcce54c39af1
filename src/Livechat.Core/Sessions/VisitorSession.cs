namespace Livechat.Core.Sessions;

/// <summary>
/// One browser's conversation with the backend: created anonymously by the widget's first call and carried by a
/// signed token. It remembers what the page configured for the chats that follow.
/// </summary>
public sealed record VisitorSession
{
    public required string SessionId { get; init; }
    public required string VisitorId { get; init; }
    public string? UserId { get; init; }
    /// <summary>
    /// Which identity secret proved <see cref="UserId"/> (<see cref="Users.UserIdSignature.KeyId"/>); null when it was
    /// linked without proof. A link the current secret did not prove is void (see <see cref="SessionAuthenticator"/>).
    /// </summary>
    public string? UserProofKey { get; init; }
    /// <summary>Whether the customer's server vouched for <see cref="UserId"/>.</summary>
    public bool UserVerified => UserId is not null && UserProofKey is not null;
    public string? OpenRoomId { get; init; }
    public string? Department { get; init; }
    public string? RecipeId { get; init; }
    public UserParams UserParams { get; init; } = UserParams.Empty;
    public bool Ended { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Optimistic-concurrency tag of the stored entity; null for one not yet stored.</summary>
    public string? ETag { get; init; }

    /// <summary>
    /// The identity realtime events go to: the logged-in user when there is one (all their devices), else the
    /// anonymous visitor (all tabs of this browser).
    /// </summary>
    public string RealtimeUserId => UserId is null ? Realtime.RealtimeUsers.ForVisitor(VisitorId) : Realtime.RealtimeUsers.ForUser(UserId);
}
