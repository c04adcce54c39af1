namespace Livechat.Core.Offline;

/// <summary>Where a room stands with the offline form. Serialized as lowercase text in the API.</summary>
public enum OfflineState
{
    /// <summary>A transfer found the department closed or nobody online: the widget shows the form instead of a queue.</summary>
    Offered,
    /// <summary>The visitor left a message: the room ended and waits in the agents' "Offline messages" list.</summary>
    Left,
}
