namespace Livechat.Core.Departments;

/// <summary>
/// A department the admin defined: agents' queues are per department, and a page may route its visitors to one with
/// setDepartment only when <see cref="Public"/> is set, so internal queues stay out of reach of any page.
/// </summary>
public sealed record Department(string Id, string Name, bool Public, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>When the department answers; null: always (see <see cref="BusinessHours"/>). Set apart, by PUT …/hours.</summary>
    public BusinessHours? Hours { get; init; }
}
