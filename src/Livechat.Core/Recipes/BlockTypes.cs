namespace Livechat.Core.Recipes;

/// <summary>The block types the interpreter knows.</summary>
public static class BlockTypes
{
    public const string Message = "message";
    public const string Buttons = "buttons";
    public const string End = "end";

    public static IReadOnlySet<string> All { get; } = new HashSet<string> { Message, Buttons, End };
}
