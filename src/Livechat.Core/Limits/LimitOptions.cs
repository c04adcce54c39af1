using System.ComponentModel.DataAnnotations;

namespace Livechat.Core.Limits;

/// <summary>
/// Abuse limits; over a limit a call gets 429 with a problem body and a <c>Retry-After</c>, and writes nothing.
/// Per session (in memory, per instance): messages and new chats. Per network address and in total (counted in
/// Table Storage, so they hold across instances): new sessions and new chats. 0 turns a shared limit off.
/// </summary>
/// <remarks>
/// The address defaults are sized for an office behind one NAT: the widget keeps its session for 30 days, so a
/// browser makes one session per new device or private window, and 300 an hour is a few hundred people arriving in
/// the same hour; a new chat costs more (an orchestration, a bot flow) and happens once per conversation,
/// hence 120. The totals are brakes on a flood from many addresses: 1,200 new chats a minute (20 a second) caps its
/// spend at about $6 an hour at the measured $0.09 per 1,000 conversations, and 3,000 sessions a minute (one row
/// each) costs less still.
/// </remarks>
public sealed class LimitOptions
{
    [Range(1, 10_000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>New chats a session may start in an hour.</summary>
    [Range(1, 10_000)]
    public int RoomsPerHour { get; set; } = 20;

    /// <summary>New sessions from one network address (IPv6: one /64) in a clock hour; 0: no limit.</summary>
    [Range(0, 1_000_000)]
    public int SessionsPerAddressPerHour { get; set; } = 300;

    /// <summary>New chats from one network address (IPv6: one /64) in a clock hour; 0: no limit.</summary>
    [Range(0, 1_000_000)]
    public int RoomsPerAddressPerHour { get; set; } = 120;

    /// <summary>New sessions in a clock minute, all instances and addresses together; 0: no limit.</summary>
    [Range(0, 10_000_000)]
    public int TotalSessionsPerMinute { get; set; } = 3000;

    /// <summary>New chats in a clock minute, all instances and addresses together; 0: no limit.</summary>
    [Range(0, 10_000_000)]
    public int TotalRoomsPerMinute { get; set; } = 1200;
}
