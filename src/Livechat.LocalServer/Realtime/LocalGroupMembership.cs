using System.Collections.Concurrent;

namespace Livechat.LocalServer.Realtime;

/// <summary>
/// User-to-group membership, as SignalR Service keeps it: by user, not by connection, so every connection of a
/// member (present or future) receives the group's events.
/// </summary>
public sealed class LocalGroupMembership
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _members = new();

    public void Add(string userId, string group) => _members.GetOrAdd(group, _ => new()).TryAdd(userId, 0);

    public void Remove(string userId, string group)
    {
        if (_members.TryGetValue(group, out var users)) users.TryRemove(userId, out _);
    }

    public IReadOnlyList<string> UsersIn(string group) =>
        _members.TryGetValue(group, out var users) ? users.Keys.ToList() : [];
}
