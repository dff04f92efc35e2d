import type { Lang } from "../i18n.ts";

/** A body's name in the reader's language. */
export function bodyName(body: { nameKk: string; nameRu: string }, lang: Lang): string {
  return lang === "kk" ? body.nameKk : body.nameRu;
}
