using Livechat.Core.Rooms;

namespace Livechat.Core.Recipes;

/// <summary>
/// What a room's orchestration starts from: its pinned recipe version, what is known about the visitor, the
/// recipe's first step and, when that step had something to say, how its delivery went.
/// </summary>
public sealed record RoomStart(Recipe Recipe, FlowVariables Variables, FlowStep First, BotTurnResult? Delivered);
