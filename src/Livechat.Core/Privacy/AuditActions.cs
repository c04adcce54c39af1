namespace Livechat.Core.Privacy;

/// <summary>The kinds of audit records.</summary>
public static class AuditActions
{
    public const string Erasure = "erasure";
    public const string Retention = "retention";
}
