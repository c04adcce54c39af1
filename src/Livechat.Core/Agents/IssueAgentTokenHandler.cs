using Livechat.Core.Common;

namespace Livechat.Core.Agents;

/// <summary>The admin API issues an agent token after checking who it names, and stores its record.</summary>
public sealed class IssueAgentTokenHandler(AgentTokenService tokens, IAgentTokenStore store, TimeProvider time)
{
    public const int MaxDepartments = 20;

    public async Task<Outcome<AgentTokenIssued>> HandleAsync(AgentTokenRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request) is { } invalid) return invalid;
        var agentId = request.AgentId!;
        var name = request.Name!.Trim();
        var distinct = Departments(request);
        var now = time.GetUtcNow();
        var issued = tokens.Issue(agentId, name, distinct);
        // Expired records of this agent go as a new one comes: the table holds what is in force, not a history.
        foreach (var expired in (await store.ListAsync(agentId, cancellationToken)).Where(t => t.ExpiresAt <= now))
            await store.RemoveAsync(expired.AgentId, expired.TokenId, cancellationToken);
        await store.AddAsync(new AgentTokenRecord(agentId, issued.TokenId, name, distinct, now, issued.ExpiresAt), cancellationToken);
        return issued;
    }

    /// <summary>The departments of a valid request, each once, in the order given.</summary>
    internal static List<string> Departments(AgentTokenRequest request) => request.Departments!.Select(d => d!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Null when the request names a valid agent (also what an invitation must name); else the problem.</summary>
    internal static Problem? Validate(AgentTokenRequest request)
    {
        if (!Ids.IsSafe(request.AgentId, 64))
            return Problem.Invalid("agentId", "Required: 1 to 64 letters, digits, '-', '_' or '.'.");
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name.Any(char.IsControl))
            return Problem.Invalid("name", "Required: 1 to 100 characters, no control characters.");
        if (request.Departments is not { Count: > 0 and <= MaxDepartments } departments)
            return Problem.Invalid("departments", $"Required: 1 to {MaxDepartments} departments.");
        if (departments.Any(d => !Ids.IsSafe(d, 64)))
            return Problem.Invalid("departments", "Each department: 1 to 64 letters, digits, '-', '_' or '.'.");
        return null;
    }
}
