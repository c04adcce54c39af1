namespace Livechat.Core.Rooms.Pages;

/// <summary>The page each room's visitor is on (the last one reported).</summary>
public interface IVisitorPageStore
{
    Task<VisitorPage?> GetAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>Replaces the room's page (the last report wins).</summary>
    Task SaveAsync(string roomId, VisitorPage page, CancellationToken cancellationToken);
}
