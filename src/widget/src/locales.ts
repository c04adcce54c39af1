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
  /**
   * The visitor's tag that picked this locale, region kept ("de-CH"): sent when a chat opens, so the bot's recipe
   * texts follow the same choice (the server tries "de-CH", then "de", then the recipe's default text).
   */
  tag?: string;
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

/**
 * The first of the candidates (most preferred first) the widget speaks, else English. Its tag is that candidate's;
 * with English as the fallback, the visitor's first candidate: the widget's strings are then English, but a recipe
 * with texts in that language (a customer's own, say "nl") still greets in it.
 */
export function pickLocale(candidates: ReadonlyArray<string | null | undefined>): Locale {
  let first: string | undefined;
  for (const candidate of candidates) {
    if (typeof candidate !== 'string') continue;
    const tag = candidate.trim().toLowerCase();
    if (!tag) continue;
    const language = tag.split(/[-_]/)[0];
    first = first ?? visitorTag(tag, language);
    const found = LOCALES[language];
    if (found) return { lang: language, tag: visitorTag(tag, language), ...found };
  }
  return first && /^[a-z]{2,3}(-|$)/.test(first) ? { ...ENGLISH, tag: first } : ENGLISH;
}

/** "de_ch" as "de-CH"; anything not shaped like a BCP 47 tag as its language alone, which the server accepts. */
export function visitorTag(candidate: string, language: string): string {
  const parts = candidate.trim().split(/[-_]/);
  const shaped = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$/i.test(parts.join('-'));
  if (!shaped || parts.join('-').length > 35) return language;
  return parts
    .map((p, i) => (i === 0 ? p.toLowerCase() : i === 1 && p.length === 4 ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p.length === 2 ? p.toUpperCase() : p.toLowerCase()))
    .join('-');
}

/** The snippet's setting, the page's language, then the browser's languages, in that order. */
export function localeFor(configured: string | undefined, doc: Document, nav: Pick<Navigator, 'languages' | 'language'> | undefined): Locale {
  const browser = nav ? (nav.languages && nav.languages.length ? nav.languages : [nav.language]) : [];
  return pickLocale([configured, doc.documentElement?.getAttribute('lang'), ...browser]);
}
