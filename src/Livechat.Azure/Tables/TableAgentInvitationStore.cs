using Azure;
using Livechat.Core.Agents;

namespace Livechat.Azure.Tables;

/// <summary>Agent invitations in Table Storage, one row per code hash; redeeming is a conditional update on the row's ETag.</summary>
public sealed class TableAgentInvitationStore(LivechatTables tables) : IAgentInvitationStore
{
    public async Task AddAsync(AgentInvitation invitation, CancellationToken cancellationToken) =>
        await tables.AgentInvitations.AddEntityAsync(From(invitation), cancellationToken);

    public async Task<AgentInvitation?> GetAsync(string codeHash, CancellationToken cancellationToken)
    {
        var found = await tables.AgentInvitations.GetEntityIfExistsAsync<AgentInvitationEntity>(codeHash, "", cancellationToken: cancellationToken);
        return found.HasValue ? ToInvitation(found.Value!) : null;
    }

    public async Task<bool> TryRedeemAsync(AgentInvitation invitation, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = From(invitation with { RedeemedAt = at });
        entity.ETag = new ETag(invitation.ETag!);
        return await ConditionalReplace.TryAsync(tables.AgentInvitations, entity, cancellationToken) is not null;
    }

    public async Task<IReadOnlyList<AgentInvitation>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<AgentInvitation>();
        await foreach (var e in tables.AgentInvitations.QueryAsync<AgentInvitationEntity>(cancellationToken: cancellationToken)) list.Add(ToInvitation(e));
        return list;
    }

    public async Task RemoveAsync(string codeHash, CancellationToken cancellationToken) =>
        await tables.AgentInvitations.DeleteEntityAsync(codeHash, "", ETag.All, cancellationToken);

    private static AgentInvitationEntity From(AgentInvitation i) => new()
    {
        PartitionKey = i.CodeHash,
        RowKey = "",
        AgentId = i.AgentId,
        Name = i.Name,
        Departments = string.Join(',', i.Departments),
        CreatedAt = i.CreatedAt,
        ExpiresAt = i.ExpiresAt,
        RedeemedAt = i.RedeemedAt,
    };

    private static AgentInvitation ToInvitation(AgentInvitationEntity e) =>
        new(e.PartitionKey, e.AgentId, e.Name, e.Departments.Split(',', StringSplitOptions.RemoveEmptyEntries), e.CreatedAt, e.ExpiresAt)
        {
            RedeemedAt = e.RedeemedAt,
            ETag = e.ETag.ToString(),
        };
}
