// The Russian resources are the reference: every key the code passes to t() must exist there, or
// `npm run typecheck` fails (the Kazakh files are held to the same keys by test/unit/locales.test.ts).
import type admin from "../locales/ru/admin.json";
import type audit from "../locales/ru/audit.json";
import type bot from "../locales/ru/bot.json";
import type broadcast from "../locales/ru/broadcast.json";
import type dashboard from "../locales/ru/dashboard.json";
import type documents from "../locales/ru/documents.json";
import type forms from "../locales/ru/forms.json";
import type indicators from "../locales/ru/indicators.json";
import type manager from "../locales/ru/manager.json";
import type methodology from "../locales/ru/methodology.json";
import type monthlyReport from "../locales/ru/monthly-report.json";
import type notifications from "../locales/ru/notifications.json";
import type onboarding from "../locales/ru/onboarding.json";
import type rules from "../locales/ru/rules.json";
import type scoring from "../locales/ru/scoring.json";

/** Every namespace by the name t() uses before its colon ("scoring:total"). */
export interface LocaleResources {
  admin: typeof admin;
  audit: typeof audit;
  bot: typeof bot;
  broadcast: typeof broadcast;
  dashboard: typeof dashboard;
  documents: typeof documents;
  forms: typeof forms;
  indicators: typeof indicators;
  manager: typeof manager;
  methodology: typeof methodology;
  "monthly-report": typeof monthlyReport;
  notifications: typeof notifications;
  onboarding: typeof onboarding;
  rules: typeof rules;
  scoring: typeof scoring;
}

// i18next's plural forms ("n_one", "n_few", "n_other") are one key to the code: t("…n", { count }).
type Singular<K extends string> =
  K extends `${infer Base}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? Base : K;

/** The dotted paths of a resource's texts (and of its lists, read with returnObjects). */
type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string | readonly unknown[]
    ? `${Prefix}${Singular<K>}`
    : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key inside one namespace, for helpers that add the namespace themselves. */
export type NamespaceKey<N extends keyof LocaleResources> = Paths<LocaleResources[N]>;

/** The keys under one path of a namespace: KeysUnder<"admin", "review."> is "title" | …. */
export type KeysUnder<N extends keyof LocaleResources, P extends string> =
  NamespaceKey<N> extends infer K ? (K extends `${P}${infer Rest}` ? Rest : never) : never;

/** Every key the code may pass to t(): "namespace:path", or a path of the default namespace (bot). */
export type LocaleKey =
  | {
      [N in keyof LocaleResources & string]: `${N}:${Paths<LocaleResources[N]>}`;
    }[keyof LocaleResources & string]
  | Paths<LocaleResources["bot"]>;

/** A translator fixed to one language, its keys checked against the Russian resources. */
export type Translate = (key: LocaleKey, params?: Record<string, unknown>) => string;

/**
 * A key chosen by data rather than written in the code (a domain problem's code, an audit action
 * read back, a command's name): the compiler cannot check it, so test/unit/locales.test.ts and the
 * end-to-end tests do. Keep to the few places that really read keys from data.
 */
export const dataKey = (key: string): LocaleKey => key as LocaleKey;

/** The same translator for code that builds its keys from data (the domain's problems, diffs). */
export const byDataKeys =
  (t: Translate) =>
  (key: string, params?: Record<string, unknown>): string =>
    t(dataKey(key), params);
