namespace Livechat.Core.Realtime;

/// <summary>Names of realtime groups. Only agents are put in groups; visitors get events by user id.</summary>
public static class RealtimeGroups
{
    /// <summary>The agents following one room.</summary>
    public static string Room(string roomId) => $"room-{roomId}";

    /// <summary>The agents of a department, told about rooms waiting in its queue.</summary>
    public static string Department(string department) => $"dept-{department}";
}
