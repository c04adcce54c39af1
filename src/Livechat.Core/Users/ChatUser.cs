using Livechat.Core.Sessions;

namespace Livechat.Core.Users;

/// <summary>
/// A logged-in person, named by the customer's own user id (setUserId). Rooms started under the id belong to the
/// user; <see cref="OpenRoomId"/> lets another tab or device continue the open chat.
/// </summary>
public sealed record ChatUser
{
    public required string UserId { get; init; }
    public UserParams UserParams { get; init; } = UserParams.Empty;
    public string? OpenRoomId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string? ETag { get; init; }
}
