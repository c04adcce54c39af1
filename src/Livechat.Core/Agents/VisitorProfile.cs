using Livechat.Core.CustomFields;
using Livechat.Core.Rooms.Pages;
using Livechat.Core.Sessions;

namespace Livechat.Core.Agents;

/// <summary>
/// The console's visitor panel: who the visitor is (<see cref="RoomVisitor"/>: the user id and whether the customer's
/// server vouched for it), what the page said about them (params, custom fields of both scopes, each with its source)
/// and the page they are on.
/// </summary>
public sealed record VisitorProfile(
    string RoomId,
    RoomVisitor Visitor,
    UserParams Params,
    IReadOnlyList<CustomField> UserFields,
    IReadOnlyList<CustomField> RoomFields,
    VisitorPage? Page);
