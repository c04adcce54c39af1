using System.Security.Cryptography;
using System.Text;
using Livechat.Core.Common;

namespace Livechat.Core.Privacy;

/// <summary>Whose data an export or erasure is about: the customer's user id, or a visitor (one browser) without one.</summary>
public sealed record DataSubject(string? UserId, string? VisitorId)
{
    /// <summary>Exactly one of the two, key-safe; else the 400 problem naming the field.</summary>
    public static Outcome<DataSubject> Parse(string? userId, string? visitorId)
    {
        userId = string.IsNullOrEmpty(userId) ? null : userId;
        visitorId = string.IsNullOrEmpty(visitorId) ? null : visitorId;
        if (userId is null && visitorId is null) return Problem.Invalid("userId", "Give userId or visitorId.");
        if (userId is not null && visitorId is not null) return Problem.Invalid("visitorId", "Give userId or visitorId, not both.");
        if (userId is not null && !Ids.IsSafe(userId)) return Problem.Invalid("userId", "Not a user id this app stores.");
        if (visitorId is not null && !Ids.IsSafe(visitorId)) return Problem.Invalid("visitorId", "Not a visitor id this app stores.");
        return new DataSubject(userId, visitorId);
    }

    /// <summary>
    /// The audit log's key for the subject: a SHA-256, so the log holds no id, yet an auditor who is asked about a
    /// known id can find its erasures.
    /// </summary>
    public string Hash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(UserId is not null ? "user:" + UserId : "visitor:" + VisitorId)));
}
