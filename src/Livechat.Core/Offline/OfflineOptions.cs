namespace Livechat.Core.Offline;

/// <summary>Settings of the offline form (section <c>Offline</c>).</summary>
public sealed class OfflineOptions
{
    /// <summary>
    /// Offer the form when nobody is online for the department, not only outside its business hours. On by default;
    /// a deployment whose agents work the queue without a console open (or a test of the queue itself) turns it off.
    /// </summary>
    public bool WhenNobodyOnline { get; set; } = true;
}
