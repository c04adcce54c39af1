using Livechat.Core.Common;

namespace Livechat.Core.Agents;

/// <summary>The admin API issues an agent token after checking who it names.</summary>
public sealed class IssueAgentTokenHandler(AgentTokenService tokens)
{
    public const int MaxDepartments = 20;

    public Outcome<AgentTokenIssued> Handle(AgentTokenRequest request)
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
        return tokens.Issue(request.AgentId!, name, departments.Select(d => d!).Distinct(StringComparer.Ordinal).ToList());
    }
}
