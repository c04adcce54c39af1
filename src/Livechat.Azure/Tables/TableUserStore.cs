using Azure;
using Livechat.Core.Users;

namespace Livechat.Azure.Tables;

/// <summary>Users in Table Storage, one row each; replacements are conditional on the ETag.</summary>
public sealed class TableUserStore(LivechatTables tables) : IUserStore
{
    public async Task<ChatUser?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await tables.Users.GetEntityIfExistsAsync<UserEntity>(userId, "", cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToUser() : null;
    }

    public async Task<ChatUser> GetOrCreateAsync(ChatUser user, CancellationToken cancellationToken)
    {
        if (await GetAsync(user.UserId, cancellationToken) is { } existing) return existing;
        try
        {
            var response = await tables.Users.AddEntityAsync(UserEntity.From(user), cancellationToken);
            return user with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException e) when (e.Status == TableStatus.Conflict)
        {
            return await GetAsync(user.UserId, cancellationToken) ?? throw new InvalidOperationException("User vanished after a conflict.", e);
        }
    }

    public async Task<ChatUser?> TryReplaceAsync(ChatUser user, CancellationToken cancellationToken) =>
        await ConditionalReplace.TryAsync(tables.Users, UserEntity.From(user), cancellationToken) is { } etag ? user with { ETag = etag } : null;
}
