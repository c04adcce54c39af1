namespace Livechat.Core.Recipes;

/// <summary>
/// The recipe a new deployment starts with, so the widget greets visitors before anyone builds a flow: in the five
/// languages the widget speaks, with a way to a person (the page's department, else the default one; the offline
/// form when nobody can answer).
/// </summary>
public static class WelcomeRecipe
{
    public const string Id = "welcome";

    public static Recipe Create() => new()
    {
        Id = Id,
        Name = "Welcome",
        StartBlockId = "greet",
        Blocks =
        [
            new RecipeBlock
            {
                Id = "greet", Type = BlockTypes.Message, Text = "Hi there! 👋 Welcome to our chat.", Next = "menu",
                Variants = Texts(de: "Hallo! 👋 Willkommen in unserem Chat.", fr: "Bonjour ! 👋 Bienvenue sur notre chat.",
                    es: "¡Hola! 👋 Te damos la bienvenida a nuestro chat.", ar: "مرحبًا! 👋 أهلًا بك في محادثتنا."),
            },
            new RecipeBlock
            {
                Id = "menu",
                Type = BlockTypes.Buttons,
                Text = "How can we help you today?",
                Buttons = [new RecipeButton("pricing", "Pricing", "pricing"), new RecipeButton("support", "Support", "support"), new RecipeButton("agent", "Talk to a person", "agent")],
                Variants = new Dictionary<string, BlockVariant>
                {
                    ["de"] = new() { Text = "Wie können wir Ihnen heute helfen?", Buttons = ["Preise", "Support", "Mit einer Person sprechen"] },
                    ["fr"] = new() { Text = "Comment pouvons-nous vous aider aujourd’hui ?", Buttons = ["Tarifs", "Assistance", "Parler à une personne"] },
                    ["es"] = new() { Text = "¿Cómo podemos ayudarte hoy?", Buttons = ["Precios", "Soporte", "Hablar con una persona"] },
                    ["ar"] = new() { Text = "كيف يمكننا مساعدتك اليوم؟", Buttons = ["الأسعار", "الدعم", "التحدث إلى شخص"] },
                },
            },
            new RecipeBlock
            {
                Id = "pricing", Type = BlockTypes.Message, Text = "Our plans start at $10 a month. Anything else?", Next = "menu",
                Variants = Texts(de: "Unsere Tarife beginnen bei 10 $ im Monat. Sonst noch etwas?", fr: "Nos offres commencent à 10 $ par mois. Autre chose ?",
                    es: "Nuestros planes empiezan en 10 $ al mes. ¿Algo más?", ar: "تبدأ خططنا من 10 دولارات شهريًا. هل من شيء آخر؟"),
            },
            new RecipeBlock
            {
                Id = "support", Type = BlockTypes.Message, Text = "Our support team answers within one business day. Anything else?", Next = "menu",
                Variants = Texts(de: "Unser Support-Team antwortet innerhalb eines Werktags. Sonst noch etwas?",
                    fr: "Notre équipe d’assistance répond sous un jour ouvré. Autre chose ?",
                    es: "Nuestro equipo de soporte responde en un día hábil. ¿Algo más?", ar: "يرد فريق الدعم خلال يوم عمل واحد. هل من شيء آخر؟"),
            },
            new RecipeBlock { Id = "agent", Type = BlockTypes.Transfer },
        ],
    };

    private static Dictionary<string, BlockVariant> Texts(string de, string fr, string es, string ar) => new()
    {
        ["de"] = new() { Text = de },
        ["fr"] = new() { Text = fr },
        ["es"] = new() { Text = es },
        ["ar"] = new() { Text = ar },
    };
}
