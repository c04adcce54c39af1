namespace Livechat.Core.Sessions;

/// <summary>What the page told us about the person: recipe blocks asking for these are skipped when set.</summary>
public sealed record UserParams(string? Name = null, string? Email = null, string? Phone = null)
{
    public static UserParams Empty { get; } = new();
}
