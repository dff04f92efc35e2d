import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n, type Resource, type ResourceLanguage } from "i18next";
import { kazakhOrdinal, kazakhPossessive } from "./domain/text/kazakh-numerals.ts";
import type { Translate } from "./i18n-keys.ts";

/** The two languages every user-facing word exists in. */
export const LANGUAGES = ["kk", "ru"] as const;
export type Lang = (typeof LANGUAGES)[number];

/** English exists only for the command line and logs, never for a bot user. */
export type AnyLang = Lang | "en";

export const LOCALES_DIR = fileURLToPath(new URL("../locales/", import.meta.url));

/** Reads locales/<lang>/<namespace>.json into an i18next resource object. */
export function loadLocaleResources(dir = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const lang of readdirSync(dir)) {
    const namespaces: ResourceLanguage = {};
    for (const file of readdirSync(join(dir, lang))) {
      if (!file.endsWith(".json")) continue;
      namespaces[file.slice(0, -".json".length)] = JSON.parse(
        readFileSync(join(dir, lang, file), "utf8"),
      );
    }
    resources[lang] = namespaces;
  }
  return resources;
}

let instance: i18n | undefined;

/** The shared i18next instance, initialised synchronously on first use. */
export function getI18n(): i18n {
  if (instance) return instance;
  const resources = loadLocaleResources();
  const created = i18next.createInstance();
  created.use(oneFullStop);
  void created.init({
    resources,
    lng: "ru",
    fallbackLng: false,
    supportedLngs: ["kk", "ru", "en"],
    ns: Object.keys(resources.ru ?? {}),
    defaultNS: "bot",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    postProcess: [oneFullStop.name],
  });
  addKazakhNumeralFormatters(created);
  instance = created;
  return created;
}

/**
 * A sentence that ends in an interpolated value ending in a full stop ("за октябрь 2026 г.",
 * "… 2026 г.. Продолжить?") gets one full stop, not two; an ellipsis stays.
 */
const oneFullStop = {
  type: "postProcessor" as const,
  name: "oneFullStop",
  process: (value: string) => value.replace(/(?<!\.)\.\.(?!\.)/g, "."),
};

/**
 * `{{n, kkPossessive}}` → "2-сі", `{{n, kkOrdinal}}` → "6-шы" in a locale string; the number is
 * written as given ("1 500-і", "2,5-і"). Anything that is not a number is left as it is rather
 * than failing the whole message.
 */
function addKazakhNumeralFormatters(created: i18n): void {
  const safely = (suffixed: (value: string) => string) => (value: unknown) => {
    try {
      return suffixed(String(value));
    } catch {
      return String(value);
    }
  };
  const formatter = created.services.formatter;
  formatter?.add("kkPossessive", safely(kazakhPossessive));
  formatter?.add("kkOrdinal", safely(kazakhOrdinal));
}

/** A translator fixed to one language: `translate("kk")("bot:menu.title")`. */
export function translator(lang: AnyLang): Translate {
  return getI18n().getFixedT(lang);
}

/** Telegram's language_code → the closest of our languages (Russian unless Kazakh). */
export function pickLanguage(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith("kk") ? "kk" : "ru";
}
