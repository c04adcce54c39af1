namespace Livechat.Core.Rooms;

/// <summary>Who wrote a message. Lowercase in the API: visitor, bot, agent, system.</summary>
public enum Sender
{
    Visitor,
    Bot,
    Agent,
    System,
}
