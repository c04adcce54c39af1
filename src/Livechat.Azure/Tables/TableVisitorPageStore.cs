using Azure.Data.Tables;
using Livechat.Core.Rooms.Pages;

namespace Livechat.Azure.Tables;

/// <summary>The visitor's current page of each room (see <see cref="VisitorPageEntity"/>); the last report wins.</summary>
public sealed class TableVisitorPageStore(LivechatTables tables) : IVisitorPageStore
{
    public async Task<VisitorPage?> GetAsync(string roomId, CancellationToken cancellationToken)
    {
        var found = await tables.Rooms.GetEntityIfExistsAsync<VisitorPageEntity>(roomId, VisitorPageEntity.Key, cancellationToken: cancellationToken);
        return found.HasValue ? new VisitorPage(found.Value!.Url, found.Value.Title, found.Value.SeenAt) : null;
    }

    public async Task SaveAsync(string roomId, VisitorPage page, CancellationToken cancellationToken) =>
        await tables.Rooms.UpsertEntityAsync(new VisitorPageEntity { PartitionKey = roomId, Url = page.Url, Title = page.Title, SeenAt = page.SeenAt },
            TableUpdateMode.Replace, cancellationToken);
}
