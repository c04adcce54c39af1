using Livechat.Core.Rooms;

namespace Livechat.Core.Recipes;

/// <summary>A message the bot sends, produced by a recipe block.</summary>
public sealed record BotMessage(string BlockId, string Text, IReadOnlyList<ChatButton> Buttons);
