namespace Livechat.Core.Recipes;

/// <summary>The block types, ask kinds and condition operators the interpreter knows.</summary>
public static class BlockTypes
{
    public const string Message = "message";
    public const string Buttons = "buttons";
    public const string Ask = "ask";
    public const string Condition = "condition";
    public const string Webhook = "webhook";
    public const string Transfer = "transfer";
    public const string End = "end";

    public static IReadOnlySet<string> All { get; } = new HashSet<string> { Message, Buttons, Ask, Condition, Webhook, Transfer, End };

    /// <summary>Blocks that stop the flow to wait for the visitor: only these may close a loop.</summary>
    public static bool Waits(string type) => type is Buttons or Ask;
}

/// <summary>What an ask block asks for.</summary>
public static class AskKinds
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Text = "text";

    public static IReadOnlySet<string> All { get; } = new HashSet<string> { Name, Email, Phone, Text };
}

/// <summary>How a condition block compares.</summary>
public static class ConditionOperators
{
    public const string Set = "set";
    public const string NotSet = "notSet";
    public const string EqualsValue = "equals";
    public const string Contains = "contains";

    public static IReadOnlySet<string> All { get; } = new HashSet<string> { Set, NotSet, EqualsValue, Contains };
}
