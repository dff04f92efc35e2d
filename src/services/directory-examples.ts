import { LANGUAGES, type Lang, translator } from "../i18n.ts";
import type { KeysUnder } from "../i18n-keys.ts";
import type { ImportColumn } from "./directory-file.ts";

/** One example row of the template, by column. */
export type ExampleRow = Partial<Record<ImportColumn, string>>;

/**
 * The template's example rows: what each record type looks like, in the admin's language where
 * words are words. Every name says it is an example («(мысал)», «(пример)»), so no real record
 * is ever one, and an example sent back unchanged is recognised and refused.
 */
export function exampleRows(lang: Lang): ExampleRow[] {
  const t = translator(lang);
  const type = (key: KeysUnder<"admin", "import.types.">) => t(`admin:import.types.${key}`);
  const yes = t("admin:import.yesNo.yes");
  const kk = (name: string) => `${name} (мысал)`;
  const ru = (name: string) => `${name} (пример)`;
  const person = lang === "kk" ? kk : ru;
  return [
    {
      type: type("body"),
      code: "MIN-FIN",
      kind: t("admin:import.kinds.central"),
      name_kk: kk("Қаржы министрлігі"),
      name_ru: ru("Министерство финансов"),
      active: yes,
    },
    {
      type: type("body"),
      code: "KRG-AKM",
      kind: t("admin:import.kinds.regional"),
      name_kk: kk("Қарағанды облысының әкімдігі"),
      name_ru: ru("Акимат Карагандинской области"),
      region: "Қарағанды облысы",
      active: yes,
    },
    {
      type: type("body"),
      code: "KRG-TEM",
      parent_code: "KRG-AKM",
      kind: t("admin:import.kinds.regional"),
      name_kk: kk("Теміртау қаласының әкімдігі"),
      name_ru: ru("Акимат города Темиртау"),
      region: "Қарағанды облысы",
      active: yes,
    },
    {
      type: type("subdivision"),
      body_code: "MIN-FIN",
      code: "HR",
      name_kk: kk("Персоналды басқару департаменті"),
      name_ru: ru("Департамент управления персоналом"),
      active: yes,
    },
    {
      type: type("subordinate"),
      body_code: "MIN-FIN",
      code: "KGD",
      name_kk: kk("Мемлекеттік кірістер комитеті"),
      name_ru: ru("Комитет государственных доходов"),
      active: yes,
    },
    {
      type: type("quasiPublic"),
      body_code: "MIN-FIN",
      code: "QAZ-1",
      name_kk: kk("«Мысал» АҚ"),
      name_ru: ru("АО «Пример»"),
      active: yes,
    },
    {
      type: type("district"),
      body_code: "KRG-AKM",
      code: "D-01",
      name_kk: kk("Абай ауданы"),
      name_ru: ru("Абайский район"),
      active: yes,
    },
    {
      type: type("person"),
      body_code: "MIN-FIN",
      name: person("Айгүл Сейітова"),
      telegram_id: "123456789",
      role: t("admin:import.roles.commissioner"),
      language: t("admin:import.languages.kk"),
      active: yes,
    },
  ];
}

const same = (text: string | undefined) => (text ?? "").trim().replace(/\s+/g, " ").toLowerCase();

let examples: ExampleRow[] | undefined;

/**
 * Whether a row (its cells by column) is one of the template's examples, in either language, left
 * as it was: every column of the file holds what the example holds (empty where it is empty).
 */
export function isUnchangedExample(
  cell: (column: ImportColumn) => string,
  columns: readonly ImportColumn[],
): boolean {
  examples ??= LANGUAGES.flatMap((lang) => exampleRows(lang));
  return examples.some((example) =>
    columns.every((column) => same(cell(column)) === same(example[column])),
  );
}
