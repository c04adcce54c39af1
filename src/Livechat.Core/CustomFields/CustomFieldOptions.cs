using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.CustomFields;

/// <summary>Limits on custom fields.</summary>
public sealed class CustomFieldOptions
{
    /// <summary>Most fields one scope may hold (a user, or a room).</summary>
    [Range(1, 200)]
    public int MaxFieldsPerScope { get; set; } = 50;

    /// <summary>Longest value, in characters.</summary>
    [Range(1, 30_000)]
    public int MaxValueLength { get; set; } = 1024;
}
