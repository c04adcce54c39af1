using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Limits;

/// <summary>Abuse limits per visitor session; over a limit a call gets 429 with a problem body and writes nothing.</summary>
public sealed class LimitOptions
{
    [Range(1, 10_000)]
    public int MessagesPerMinute { get; set; } = 30;

    [Range(1, 10_000)]
    public int RoomsPerHour { get; set; } = 20;
}
