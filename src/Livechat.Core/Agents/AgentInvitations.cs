using Livechat.Core.Admin;
using Livechat.Core.Common;
using Microsoft.Extensions.Options;
using System.Security.Cryptography;
using System.Text;

namespace Livechat.Core.Agents;

/// <summary>
/// Invites an agent with a one-time link instead of handing over a token: the code is 256 random bits, stored only as
/// its SHA-256 (a read of the table signs nobody in), expires after <see cref="AdminOptions.InvitationLifetime"/>,
/// and is marked used under the row's ETag before the token is issued, so two redemptions racing get one token.
/// </summary>
public sealed class AgentInvitations(IAgentInvitationStore store, IssueAgentTokenHandler issue, IOptions<AdminOptions> options, TimeProvider time)
{
    public const string LinkPath = "/agent/?invite=";
    private const int MaxCodeLength = 128;

    public async Task<Outcome<AgentInvitationCreated>> CreateAsync(AgentTokenRequest request, CancellationToken cancellationToken)
    {
        if (IssueAgentTokenHandler.Validate(request) is { } invalid) return invalid;
        var now = time.GetUtcNow();
        await RemoveExpiredAsync(now, cancellationToken);
        var code = Base64Url.Encode(RandomNumberGenerator.GetBytes(32));
        var invitation = new AgentInvitation(Hash(code), request.AgentId!, request.Name!.Trim(), IssueAgentTokenHandler.Departments(request), now,
            now + options.Value.InvitationLifetime);
        await store.AddAsync(invitation, cancellationToken);
        return new AgentInvitationCreated(invitation.AgentId, invitation.Name, invitation.Departments, code, LinkPath + code, invitation.ExpiresAt);
    }

    /// <summary>The agent token the code stands for; a code unknown (404), used or expired (410) signs nobody in.</summary>
    public async Task<Outcome<AgentTokenIssued>> RedeemAsync(RedeemInvitationRequest request, CancellationToken cancellationToken)
    {
        if (!Ids.IsSafe(request.Code, MaxCodeLength)) return Problem.Invalid("code", "Required: the invitation code from the sign-in link.");
        var code = request.Code!;
        if (await store.GetAsync(Hash(code), cancellationToken) is not { } invitation)
            return Problem.NotFound("The invitation", "code") with { Detail = "This sign-in link is not known. Ask your administrator for a new one." };
        var now = time.GetUtcNow();
        if (invitation.RedeemedAt is not null) return Used();
        if (invitation.ExpiresAt <= now) return Problem.Gone("The invitation has expired.", "Ask your administrator for a new sign-in link.");
        if (!await store.TryRedeemAsync(invitation, now, cancellationToken)) return Used();
        return await issue.HandleAsync(new AgentTokenRequest(invitation.AgentId, invitation.Name, [.. invitation.Departments]), cancellationToken);
    }

    // Used ones stay until they expire, so a second click on a link says "already used" rather than "unknown".
    private async Task RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var expired in (await store.ListAsync(cancellationToken)).Where(i => i.ExpiresAt <= now))
            await store.RemoveAsync(expired.CodeHash, cancellationToken);
    }

    private static Problem Used() => Problem.Gone("The invitation was already used.", "A sign-in link works once. Ask your administrator for a new one.");

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));
}
