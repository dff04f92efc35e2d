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

const translators = new Map<AnyLang, Translate>();

/**
 * A translator fixed to one language: `translate("kk")("bot:menu.title")`. It remembers its
 * answers: the resources never change while the process runs, and i18next spends tens of
 * microseconds on each call (key parsing, interpolation, post-processing) — a few dozen calls an
 * update, several per cent of the bot's CPU in the deadline rush.
 */
export function translator(lang: AnyLang): Translate {
  let t = translators.get(lang);
  if (!t) {
    t = remembering(getI18n().getFixedT(lang) as unknown as Translate);
    translators.set(lang, t);
  }
  return t;
}

// Enough for every text with every common value; when full it starts again (no LRU bookkeeping).
const MAX_REMEMBERED = 20_000;

/** The same translator, answering a call it has seen from memory. */
export function remembering(t: Translate): Translate {
  const answers = new Map<string, string>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  const remembered = (...args: unknown[]): unknown => {
    const id = args.length <= 2 ? callId(args[0], args[1]) : undefined;
    if (id === undefined) return call(...args);
    const known = answers.get(id);
    if (known !== undefined) return known;
    const value = call(...args);
    // Only texts: returnObjects hands out objects a caller could change.
    if (typeof value === "string") {
      if (answers.size >= MAX_REMEMBERED) answers.clear();
      answers.set(id, value);
    }
    return value;
  };
  return Object.assign(remembered, t) as unknown as Translate;
}

/**
 * What makes a call's answer: the key and each option, typed (1 and "1" differ), or undefined when
 * an option is not a plain value (a Date, an array, a function: i18next may read it in ways a
 * string of it would not tell apart), so such calls always go to i18next.
 */
function callId(key: unknown, options: unknown): string | undefined {
  if (typeof key !== "string") return undefined;
  if (options === undefined) return key;
  if (typeof options !== "object" || options === null || Array.isArray(options)) return undefined;
  let id = key;
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name];
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean" && type !== "undefined")
      return undefined;
    id += `\u0000${name}\u0001${type[0]}${String(value)}`;
  }
  return id;
}

/** Telegram's language_code → the closest of our languages (Russian unless Kazakh). */
export function pickLanguage(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith("kk") ? "kk" : "ru";
}
