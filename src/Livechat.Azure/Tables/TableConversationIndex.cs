using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Livechat.Core.Conversations;

namespace Livechat.Azure.Tables;

/// <summary>
/// The conversations index in Table Storage (keys: <see cref="ConversationEntity"/>). A listing is one query over a
/// key range, with the index's own conditions (status, department, user id) filtered by the service; the caller
/// stops reading when its page is full.
/// </summary>
public sealed class TableConversationIndex(LivechatTables tables) : IConversationIndex
{
    private const int RowsPerRead = 100;

    public async Task<ConversationEntry?> GetAsync(string roomId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var found = await tables.Conversations.GetEntityIfExistsAsync<ConversationEntity>(
            ConversationEntity.PartitionFor(startedAt), ConversationEntity.RowFor(startedAt, roomId), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.ToEntry() : null;
    }

    public Task<bool> TrySaveAsync(ConversationEntry entry, CancellationToken cancellationToken) =>
        ConditionalReplace.TryInsertOrReplaceAsync(tables.Conversations, ConversationEntity.From(entry), cancellationToken);

    public async IAsyncEnumerable<ConversationEntry> ScanAsync(ConversationFilter filter, ConversationPosition? after,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        // Newest allowed first: the later of "before To" and "after the position" bounds the start of the range.
        if (filter.To is { } to)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PartitionKey ge {ConversationEntity.PartitionFor(to.AddMilliseconds(-1))}"));
            conditions.Add(TableClient.CreateQueryFilter($"RowKey gt {ConversationEntity.RowBoundAt(to)}"));
        }
        if (after is not null)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PartitionKey ge {ConversationEntity.PartitionFor(after.StartedAt)}"));
            conditions.Add(TableClient.CreateQueryFilter($"RowKey gt {ConversationEntity.RowFor(after.StartedAt, after.RoomId)}"));
        }
        if (filter.From is { } from)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PartitionKey le {ConversationEntity.PartitionFor(from)}"));
            conditions.Add(TableClient.CreateQueryFilter($"RowKey lt {ConversationEntity.RowBoundAt(from)}"));
        }
        if (filter.Status is { } status) conditions.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        if (filter.Department is { } department) conditions.Add(TableClient.CreateQueryFilter($"Department eq {department}"));
        if (filter.UserId is { } userId) conditions.Add(TableClient.CreateQueryFilter($"UserId eq {userId}"));
        var query = conditions.Count == 0 ? null : string.Join(" and ", conditions);

        await foreach (var entity in tables.Conversations.QueryAsync<ConversationEntity>(query, maxPerPage: RowsPerRead, cancellationToken: cancellationToken))
            yield return entity.ToEntry();
    }
}
