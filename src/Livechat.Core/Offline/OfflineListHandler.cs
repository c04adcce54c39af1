using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Conversations;

namespace Livechat.Core.Offline;

/// <summary>The console's "Offline messages": rooms of the agent's departments where a visitor left the offline form, newest first.</summary>
public sealed class OfflineListHandler(ConversationsHandler conversations)
{
    public Task<Outcome<ConversationPage>> ListForAgentAsync(AgentIdentity agent, string? continuationToken, CancellationToken cancellationToken) =>
        conversations.ListAsync(new ConversationQuery(Status: "ended", Offline: "true", ContinuationToken: continuationToken),
            agent.Departments.ToHashSet(StringComparer.Ordinal), cancellationToken);
}
