using Livechat.Core.Agents;
using Livechat.Core.Common;
using Livechat.Core.Departments;
using Livechat.Core.Rooms;
using Microsoft.Extensions.Options;

namespace Livechat.Core.CannedResponses;

/// <summary>
/// Canned responses per department: the admin lists, writes and deletes them; an agent reads those of a department
/// its token serves, and no other.
/// </summary>
public sealed class CannedResponsesHandler(ICannedResponseStore store, IDepartmentStore departments, IOptions<RoomOptions> options, TimeProvider time)
{
    public async Task<Outcome<CannedResponseList>> ListAsync(string departmentId, CancellationToken cancellationToken)
    {
        if (await KnownDepartmentAsync(departmentId, cancellationToken) is { } unknown) return unknown;
        return new CannedResponseList(departmentId, await store.ListAsync(departmentId, cancellationToken));
    }

    public async Task<Outcome<CannedResponse>> PutAsync(string departmentId, string shortcut, CannedResponseRequest request, CancellationToken cancellationToken)
    {
        if (CannedResponseRules.CheckShortcut(shortcut) is { } badShortcut) return badShortcut;
        if (CannedResponseRules.CheckText(request.Text, options.Value.MaxMessageLength) is { } badText) return badText;
        if (await KnownDepartmentAsync(departmentId, cancellationToken) is { } unknown) return unknown;
        var existing = await store.ListAsync(departmentId, cancellationToken);
        if (existing.Count >= CannedResponseRules.MaxPerDepartment && existing.All(r => r.Shortcut != shortcut))
            return Problem.Conflict($"The department has {CannedResponseRules.MaxPerDepartment} canned responses, the most it keeps.", "Delete one first.");
        var saved = new CannedResponse(departmentId, shortcut, request.Text!.Trim(), time.GetUtcNow());
        await store.SaveAsync(saved, cancellationToken);
        return saved;
    }

    public async Task<Outcome<CannedResponseDeleted>> DeleteAsync(string departmentId, string shortcut, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(departmentId, 64)) return Problem.NotFound($"Department '{departmentId}'", "departmentId");
        if (CannedResponseRules.CheckShortcut(shortcut) is not null || !await store.DeleteAsync(departmentId, shortcut, cancellationToken))
            return Problem.NotFound($"Canned response '{shortcut}'", "shortcut");
        return new CannedResponseDeleted(departmentId, shortcut);
    }

    /// <summary>An agent's read: only a department the agent's token names.</summary>
    public async Task<Outcome<CannedResponseList>> ListForAgentAsync(AgentIdentity agent, string? departmentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(departmentId)) return Problem.Invalid("department", "Required: one of your departments.");
        if (!agent.Serves(departmentId)) return Problem.ForbiddenField("department", "Not one of your departments.");
        return new CannedResponseList(departmentId, await store.ListAsync(departmentId, cancellationToken));
    }

    private async Task<Problem?> KnownDepartmentAsync(string departmentId, CancellationToken cancellationToken) =>
        Ids.IsSafe(departmentId, 64) && await departments.GetAsync(departmentId, cancellationToken) is not null
            ? null
            : Problem.NotFound($"Department '{departmentId}'", "departmentId");
}
