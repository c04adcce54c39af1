using Livechat.Core.Languages;

namespace Livechat.Core.Recipes;

/// <summary>
/// What the interpreter says on its own (a choice it cannot match, an answer of the wrong shape when the block has no
/// <c>invalidText</c>), in the languages the widget speaks; English for any other.
/// </summary>
public static class FlowLines
{
    public sealed record Lines(string ChooseAnOption, string NotAnEmail, string NotAPhone, string TypeAnAnswer);

    public static Lines English { get; } = new(
        RecipeInterpreter.ChooseAnOptionText,
        "That doesn't look like an e-mail address. Please try again.",
        "That doesn't look like a phone number. Please try again.",
        "Please type an answer.");

    private static readonly LanguageTable<Lines> Table = new(English, new Dictionary<string, Lines>
    {
        ["de"] = new("Bitte wählen Sie eine der Optionen unten.",
            "Das sieht nicht nach einer E-Mail-Adresse aus. Bitte versuchen Sie es noch einmal.",
            "Das sieht nicht nach einer Telefonnummer aus. Bitte versuchen Sie es noch einmal.",
            "Bitte geben Sie eine Antwort ein."),
        ["fr"] = new("Veuillez choisir l’une des options ci-dessous.",
            "Cela ne ressemble pas à une adresse e-mail. Veuillez réessayer.",
            "Cela ne ressemble pas à un numéro de téléphone. Veuillez réessayer.",
            "Veuillez saisir une réponse."),
        ["es"] = new("Elige una de las opciones de abajo.",
            "Eso no parece una dirección de correo electrónico. Inténtalo de nuevo.",
            "Eso no parece un número de teléfono. Inténtalo de nuevo.",
            "Escribe una respuesta."),
        ["ar"] = new("يرجى اختيار أحد الخيارات أدناه.",
            "لا يبدو هذا عنوان بريد إلكتروني. يرجى المحاولة مرة أخرى.",
            "لا يبدو هذا رقم هاتف. يرجى المحاولة مرة أخرى.",
            "يرجى كتابة إجابة."),
    });

    /// <summary>The lines in the visitor's language (by its primary subtag), else English.</summary>
    public static Lines For(string? language) => Table.For(language);
}
