import type { Lang } from "../i18n.ts";

/** A body's name in the reader's language. */
export function bodyName(body: { nameKk: string; nameRu: string }, lang: Lang): string {
  return lang === "kk" ? body.nameKk : body.nameRu;
}

/** "p1.t2.s3" → "1.2.3": how the methodology numbers projects, tasks and indicators. */
export function methodologyNumber(id: string): string {
  return id
    .split(".")
    .map((part) => part.replace(/^[pts]/, ""))
    .join(".");
}
