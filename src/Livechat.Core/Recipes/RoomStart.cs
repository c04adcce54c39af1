namespace Livechat.Core.Recipes;

/// <summary>What a room's orchestration starts from: its pinned recipe version and what is known about the visitor.</summary>
public sealed record RoomStart(Recipe Recipe, FlowVariables Variables);
