using Livechat.Core.Sessions;

namespace Livechat.Core.Rooms;

/// <summary>
/// Names of room facts that only the visitor's page vouches for. Anything a visitor session sets (user params,
/// custom fields, the department and recipe it chose, a user id without proof) could have been typed by anyone
/// holding the page; a verified user id, a recipe's transfer and a webhook reply's fields come from the customer.
/// </summary>
public static class PageAssertions
{
    public const string UserId = "userId";
    public const string Department = "department";
    public const string RecipeId = "recipeId";

    /// <summary>What a room opened from <paramref name="session"/> takes on the page's word.</summary>
    public static IReadOnlyList<string> Of(VisitorSession session) =>
    [
        .. session.UserId is not null && !session.UserVerified ? [UserId] : Array.Empty<string>(),
        .. session.Department is not null ? [Department] : Array.Empty<string>(),
        .. session.RecipeId is not null ? [RecipeId] : Array.Empty<string>(),
    ];

    public static IReadOnlyList<string> Without(IReadOnlyList<string> asserted, string fact) => [.. asserted.Where(a => a != fact)];

    public static IReadOnlyList<string> With(IReadOnlyList<string> asserted, string fact) => asserted.Contains(fact) ? asserted : [.. asserted, fact];
}
