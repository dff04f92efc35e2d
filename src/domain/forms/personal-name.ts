// Patronymics (Russian and Kazakh) and the commonest surname endings; positions rarely end so.
const PATRONYMIC = /(ович|евич|ьич|овна|евна|ична|инична|[уұ]лы|қызы|кызы)$/i;
const SURNAME = /(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|енко|баев|баева)$/i;
const CAPITALISED = /^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][a-zа-яёәғқңөұүһі-]+$/u;
const INITIALS = /(^|\s)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.)?(\s|$)/u;

/**
 * Whether a text looks like a person's full name ("Иванов Иван Иванович", "Сейтқали Асқар
 * Берікұлы", "Иванов И. И.") rather than a position: the report must hold no personal data.
 */
export function looksLikePersonalName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (INITIALS.test(text) && words.some((w) => SURNAME.test(w))) return true;
  if (words.length < 2 || words.length > 3) return false;
  if (!words.every((w) => CAPITALISED.test(w))) return false;
  return words.some((w) => PATRONYMIC.test(w) || SURNAME.test(w));
}
