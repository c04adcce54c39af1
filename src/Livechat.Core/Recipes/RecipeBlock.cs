namespace Livechat.Core.Recipes;

/// <summary>
/// One step of a recipe. <see cref="Type"/> says which fields apply (see <see cref="BlockTypes"/>):
/// <list type="bullet">
/// <item><c>message</c>: Text, Next.</item>
/// <item><c>buttons</c>: Text, Buttons (each leads to its Next).</item>
/// <item><c>ask</c>: Text, Ask (name, email, phone or text), Field (the custom field a text answer is stored in),
/// Scope (of that field, default room), InvalidText, Next. Skipped when the value is already known.</item>
/// <item><c>condition</c>: Field (name, email, phone, or a custom field key), Operator (set, notSet, equals,
/// contains), Value, Then, Else.</item>
/// <item><c>webhook</c>: Url, Next on success, OnFailure when the receiver fails or times out.</item>
/// <item><c>transfer</c>: Department (default: the room's), optional Text.</item>
/// <item><c>end</c>: optional Text.</item>
/// </list>
/// Texts may hold placeholders: <c>{{name}}</c>, <c>{{email}}</c>, <c>{{phone}}</c>, <c>{{field.KEY}}</c>.
/// <see cref="Variants"/> holds the same texts in other languages (see <see cref="RecipeTexts"/>).
/// </summary>
public sealed record RecipeBlock
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<RecipeButton>? Buttons { get; init; }
    public string? Next { get; init; }
    public string? Ask { get; init; }
    public string? Field { get; init; }
    public CustomFields.FieldScope? Scope { get; init; }
    public string? InvalidText { get; init; }
    public string? Operator { get; init; }
    public string? Value { get; init; }
    public string? Then { get; init; }
    public string? Else { get; init; }
    public string? Url { get; init; }
    public string? OnFailure { get; init; }
    public string? Department { get; init; }

    /// <summary>The block's texts per language (BCP 47 tag to variant); null or empty: one language only.</summary>
    public IReadOnlyDictionary<string, BlockVariant>? Variants { get; init; }
}
