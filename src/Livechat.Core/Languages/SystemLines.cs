namespace Livechat.Core.Languages;

/// <summary>
/// The lines the service itself writes into a transcript (a room queued, an agent joining, a room offered again), in
/// the room's language (the one the widget sent when the chat opened), English for any other. They are stored as
/// written, so the transcript, <c>onIncomingMessage</c> and the webhooks carry the same text the visitor read.
/// </summary>
public static class SystemLines
{
    public sealed record Lines(string Connecting, string Reoffered, string JoinedFormat)
    {
        /// <summary>"{name} joined the chat", with the agent's name.</summary>
        public string Joined(string agentName) => JoinedFormat.Replace("{name}", agentName, StringComparison.Ordinal);
    }

    public static Lines English { get; } = new(
        "Connecting you to an agent…",
        "The agent is no longer available. Connecting you to another agent…",
        "{name} joined the chat");

    private static readonly LanguageTable<Lines> Table = new(English, new Dictionary<string, Lines>
    {
        ["de"] = new("Sie werden mit einem Mitarbeiter verbunden…",
            "Der Mitarbeiter ist nicht mehr erreichbar. Sie werden mit einem anderen Mitarbeiter verbunden…",
            "{name} ist dem Chat beigetreten"),
        ["fr"] = new("Mise en relation avec un conseiller…",
            "Le conseiller n’est plus disponible. Mise en relation avec un autre conseiller…",
            "{name} a rejoint la conversation"),
        ["es"] = new("Te estamos conectando con un agente…",
            "El agente ya no está disponible. Te estamos conectando con otro agente…",
            "{name} se unió al chat"),
        ["ar"] = new("جارٍ توصيلك بأحد الموظفين…",
            "الموظف لم يعد متاحًا. جارٍ توصيلك بموظف آخر…",
            "انضم {name} إلى المحادثة"),
    });

    /// <summary>The lines in the room's language (by its primary subtag), else English.</summary>
    public static Lines For(string? language) => Table.For(language);
}
