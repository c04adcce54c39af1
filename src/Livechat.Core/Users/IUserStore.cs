namespace Livechat.Core.Users;

/// <summary>Persists users. Updates are conditional on the user's ETag.</summary>
public interface IUserStore
{
    Task<ChatUser?> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Stores a new user; returns the stored user, or the existing one when the id is taken.</summary>
    Task<ChatUser> GetOrCreateAsync(ChatUser user, CancellationToken cancellationToken);

    /// <summary>Replaces the user if nobody changed it since it was read; null when somebody did.</summary>
    Task<ChatUser?> TryReplaceAsync(ChatUser user, CancellationToken cancellationToken);
}
