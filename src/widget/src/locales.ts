// Every string the widget shows, per language. The language is the snippet's setting
// (window.VerloopConfig = { language: "de" }), else the page's <html lang>, else the browser's; a regional tag
// ("de-AT") falls back to its language, and an unknown one to English. To add a language, add an entry to
// LOCALES with every key of Strings (the type checker refuses a missing one) and, for a right-to-left
// script, dir: 'rtl'.

export interface Strings {
  openChat: string;
  chat: string;
  minimize: string;
  minimizeChat: string;
  endChat: string;
  closeChat: string;
  messages: string;
  typeYourMessage: string;
  typeYourMessagePlaceholder: string;
  typeToStartNewChat: string;
  send: string;
  notDelivered: string;
  retry: string;
  quickReplies: string;
  chatEnded: string;
  chatEndedInactivity: string;
  chatEndedByAgent: string;
  agentTyping: string;
  /** Under the visitor's last message the agent has seen. */
  seen: string;
  typing: string;
  attachFile: string;
  uploading: string;
  uploadFailed: string;
  fileNotAccepted: string;
  /** While the chat waits for an agent: {position} (1 = next) and {minutes}, the rough wait. */
  queuePosition: string;
}

export interface Locale {
  /** The BCP 47 language the strings are in. */
  lang: string;
  dir: 'ltr' | 'rtl';
  strings: Strings;
}

const en: Strings = {
  openChat: 'Open chat',
  chat: 'Chat',
  minimize: 'Minimize',
  minimizeChat: 'Minimize chat',
  endChat: 'End chat',
  closeChat: 'Close chat',
  messages: 'Messages',
  typeYourMessage: 'Type your message',
  typeYourMessagePlaceholder: 'Type your message…',
  typeToStartNewChat: 'Type to start a new chat…',
  send: 'Send',
  notDelivered: 'Not delivered.',
  retry: 'Retry',
  quickReplies: 'Quick replies',
  chatEnded: 'Chat ended',
  chatEndedInactivity: 'Chat ended after a while without messages',
  chatEndedByAgent: 'Chat ended by the agent',
  agentTyping: 'Agent is typing…',
  seen: 'Seen',
  typing: 'Typing…',
  attachFile: 'Attach a file',
  uploading: 'Uploading…',
  uploadFailed: 'The file could not be sent.',
  fileNotAccepted: 'This file cannot be sent: only images, PDF and text files up to the size limit.',
  queuePosition: 'You are number {position} in the queue (about {minutes} min)',
};

const de: Strings = {
  openChat: 'Chat öffnen',
  chat: 'Chat',
  minimize: 'Minimieren',
  minimizeChat: 'Chat minimieren',
  endChat: 'Chat beenden',
  closeChat: 'Chat schließen',
  messages: 'Nachrichten',
  typeYourMessage: 'Nachricht eingeben',
  typeYourMessagePlaceholder: 'Nachricht eingeben…',
  typeToStartNewChat: 'Schreiben Sie, um einen neuen Chat zu beginnen…',
  send: 'Senden',
  notDelivered: 'Nicht zugestellt.',
  retry: 'Erneut versuchen',
  quickReplies: 'Schnellantworten',
  chatEnded: 'Chat beendet',
  chatEndedInactivity: 'Chat nach einer Weile ohne Nachrichten beendet',
  chatEndedByAgent: 'Chat vom Mitarbeiter beendet',
  agentTyping: 'Mitarbeiter schreibt…',
  seen: 'Gesehen',
  typing: 'Schreibt…',
  attachFile: 'Datei anhängen',
  uploading: 'Wird hochgeladen…',
  uploadFailed: 'Die Datei konnte nicht gesendet werden.',
  fileNotAccepted: 'Diese Datei kann nicht gesendet werden: nur Bilder, PDF- und Textdateien bis zur Größengrenze.',
  queuePosition: 'Sie sind Nummer {position} in der Warteschlange (etwa {minutes} Min.)',
};

const fr: Strings = {
  openChat: 'Ouvrir le chat',
  chat: 'Chat',
  minimize: 'Réduire',
  minimizeChat: 'Réduire le chat',
  endChat: 'Terminer le chat',
  closeChat: 'Fermer le chat',
  messages: 'Messages',
  typeYourMessage: 'Saisissez votre message',
  typeYourMessagePlaceholder: 'Saisissez votre message…',
  typeToStartNewChat: 'Écrivez pour commencer un nouveau chat…',
  send: 'Envoyer',
  notDelivered: 'Non distribué.',
  retry: 'Réessayer',
  quickReplies: 'Réponses rapides',
  chatEnded: 'Chat terminé',
  chatEndedInactivity: 'Chat terminé après un moment sans messages',
  chatEndedByAgent: 'Chat terminé par le conseiller',
  agentTyping: 'Le conseiller écrit…',
  seen: 'Vu',
  typing: 'Écrit…',
  attachFile: 'Joindre un fichier',
  uploading: 'Envoi en cours…',
  uploadFailed: 'Le fichier n’a pas pu être envoyé.',
  fileNotAccepted: 'Ce fichier ne peut pas être envoyé : seulement des images, des PDF et des fichiers texte dans la limite de taille.',
  queuePosition: "Vous êtes numéro {position} dans la file d'attente (environ {minutes} min)",
};

const es: Strings = {
  openChat: 'Abrir chat',
  chat: 'Chat',
  minimize: 'Minimizar',
  minimizeChat: 'Minimizar chat',
  endChat: 'Terminar chat',
  closeChat: 'Cerrar chat',
  messages: 'Mensajes',
  typeYourMessage: 'Escribe tu mensaje',
  typeYourMessagePlaceholder: 'Escribe tu mensaje…',
  typeToStartNewChat: 'Escribe para empezar un nuevo chat…',
  send: 'Enviar',
  notDelivered: 'No entregado.',
  retry: 'Reintentar',
  quickReplies: 'Respuestas rápidas',
  chatEnded: 'Chat terminado',
  chatEndedInactivity: 'Chat terminado tras un tiempo sin mensajes',
  chatEndedByAgent: 'Chat terminado por el agente',
  agentTyping: 'El agente está escribiendo…',
  seen: 'Visto',
  typing: 'Escribiendo…',
  attachFile: 'Adjuntar un archivo',
  uploading: 'Subiendo…',
  uploadFailed: 'No se pudo enviar el archivo.',
  fileNotAccepted: 'Este archivo no se puede enviar: solo imágenes, PDF y archivos de texto dentro del límite de tamaño.',
  queuePosition: 'Es el número {position} en la cola (unos {minutes} min)',
};

const ar: Strings = {
  openChat: 'افتح المحادثة',
  chat: 'محادثة',
  minimize: 'تصغير',
  minimizeChat: 'صغّر المحادثة',
  endChat: 'إنهاء المحادثة',
  closeChat: 'أغلق المحادثة',
  messages: 'الرسائل',
  typeYourMessage: 'اكتب رسالتك',
  typeYourMessagePlaceholder: 'اكتب رسالتك…',
  typeToStartNewChat: 'اكتب لبدء محادثة جديدة…',
  send: 'إرسال',
  notDelivered: 'لم تُرسل.',
  retry: 'أعد المحاولة',
  quickReplies: 'ردود سريعة',
  chatEnded: 'انتهت المحادثة',
  chatEndedInactivity: 'انتهت المحادثة بعد فترة دون رسائل',
  chatEndedByAgent: 'أنهى الموظف المحادثة',
  agentTyping: 'الموظف يكتب…',
  seen: 'تمت المشاهدة',
  typing: 'يكتب…',
  attachFile: 'أرفق ملفًا',
  uploading: 'جارٍ الرفع…',
  uploadFailed: 'تعذّر إرسال الملف.',
  fileNotAccepted: 'لا يمكن إرسال هذا الملف: الصور وملفات PDF والنصوص فقط ضمن حد الحجم.',
  queuePosition: 'أنت رقم {position} في قائمة الانتظار (حوالي {minutes} دقيقة)',
};

export const LOCALES: Record<string, { dir: 'ltr' | 'rtl'; strings: Strings }> = {
  en: { dir: 'ltr', strings: en },
  de: { dir: 'ltr', strings: de },
  fr: { dir: 'ltr', strings: fr },
  es: { dir: 'ltr', strings: es },
  ar: { dir: 'rtl', strings: ar },
};

export const ENGLISH: Locale = { lang: 'en', ...LOCALES.en };

/** The first of the candidates (most preferred first) the widget speaks, else English. */
export function pickLocale(candidates: ReadonlyArray<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const tag = candidate.trim().toLowerCase();
    if (!tag) continue;
    const language = tag.split(/[-_]/)[0];
    const found = LOCALES[language];
    if (found) return { lang: language, ...found };
  }
  return ENGLISH;
}

/** The snippet's setting, the page's language, then the browser's languages, in that order. */
export function localeFor(configured: string | undefined, doc: Document, nav: Pick<Navigator, 'languages' | 'language'> | undefined): Locale {
  const browser = nav ? (nav.languages && nav.languages.length ? nav.languages : [nav.language]) : [];
  return pickLocale([configured, doc.documentElement?.getAttribute('lang'), ...browser]);
}
