namespace Livechat.Azure.Tables;

/// <summary>HTTP statuses Table Storage answers with that the stores act on.</summary>
internal static class TableStatus
{
    public const int NotFound = 404;
    public const int Conflict = 409;
    public const int PreconditionFailed = 412;
}
