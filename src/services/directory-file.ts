import type { BodyKind, DirectoryRow, MemberKind } from "../db/repositories/directory.ts";
import type { Lang, Role } from "../db/repositories/users.ts";
import { columnLetter } from "../documents/read-workbook.ts";
import { LANGUAGES, translator } from "../i18n.ts";
import { dataKey } from "../i18n-keys.ts";
import { isUnchangedExample } from "./directory-examples.ts";
import type { TextEncoding, TextTable } from "./table-file.ts";

/** The columns of a directory file, in template order; headers may be these keys or their kk/ru labels. */
export const IMPORT_COLUMNS = [
  "type",
  "code",
  "body_code",
  "parent_code",
  "kind",
  "name_kk",
  "name_ru",
  "region",
  "name",
  "telegram_id",
  "role",
  "language",
  "active",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const RECORD_TYPES = [
  "body",
  "subdivision",
  "subordinate",
  "quasiPublic",
  "district",
  "person",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/**
 * Words of the earlier template: its one list of "organisations" was the supervised quasi-public
 * organisations (project 3's), so files filled from it still import as they meant.
 */
const EARLIER_TYPE_WORDS: Readonly<Record<string, RecordType>> = {
  organisation: "quasiPublic",
  подведомственная_организация: "quasiPublic",
  ведомстволық_ұйым: "quasiPublic",
};

const BODY_KINDS: readonly BodyKind[] = ["central", "regional"];
const ROLES: readonly Role[] = ["commissioner", "officer", "manager", "admin"];

/** What can be wrong with a file; each has a message admin:import.problems.<code>. */
export type ImportProblemCode =
  | "missingColumn"
  | "required"
  | "unknownType"
  | "badCode"
  | "badKind"
  | "badRole"
  | "badLanguage"
  | "badActive"
  | "badTelegramId"
  | "tooLong"
  | "duplicateCode"
  | "duplicateMember"
  | "duplicateTelegramId"
  | "unknownBody"
  | "unknownParent"
  | "ownParent"
  | "parentCycle"
  | "tooManyRows"
  | "exampleRow"
  | "lostLetters";

/**
 * One problem: the file's row number (the header is row 1), the column, the cell as a spreadsheet
 * names it ("E12", when the column is in the file) and the value found.
 */
export interface ImportProblem {
  row: number;
  column?: ImportColumn;
  cell?: string;
  code: ImportProblemCode;
  value?: string;
}

export interface PersonRow {
  row: number;
  telegramId: number;
  name: string;
  role: Role;
  bodyCode: string | null;
  language: Lang;
  active: boolean;
}

export interface MemberRow {
  row: number;
  bodyCode: string;
  kind: MemberKind;
  code: string;
  nameKk: string;
  nameRu: string;
  active: boolean;
}

/** A parsed file: what it says about bodies, their members and people. */
export interface DirectoryPlan {
  bodies: (DirectoryRow & { row: number })[];
  members: MemberRow[];
  people: PersonRow[];
  /** Codes of the file's body rows that have problems: named elsewhere, they are not unknown. */
  faultyBodyCodes?: string[];
  /** Each column's letter in the file ("E"), so later checks name cells too. */
  letters?: Partial<Record<ImportColumn, string>>;
}

export const MAX_IMPORT_ROWS = 10_000;
const MAX_NAME = 500;
const CODE = /^[\p{L}\p{N}._\-/]{1,64}$/u;
const TELEGRAM_ID = /^\d{1,15}$/;
const YES_NO = ["yes", "no"] as const;
const EXTRA_YES = ["true", "1", "+"];
const EXTRA_NO = ["false", "0", "-"];

const normalize = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

/** Every spelling of a word that the file may use: the key itself and its kk and ru labels. */
function synonyms<K extends string>(group: string, keys: readonly K[]): Map<string, K> {
  const map = new Map<string, K>();
  for (const key of keys) {
    map.set(normalize(key), key);
    for (const lang of LANGUAGES) {
      map.set(normalize(translator(lang)(dataKey(`admin:import.${group}.${key}`))), key);
    }
  }
  return map;
}

type Words = ReturnType<typeof wordsOfFiles>;

function wordsOfFiles() {
  return {
    type: new Map([...Object.entries(EARLIER_TYPE_WORDS), ...synonyms("types", RECORD_TYPES)]),
    kind: synonyms("kinds", BODY_KINDS),
    role: synonyms("roles", ROLES),
    language: synonyms("languages", LANGUAGES),
    active: synonyms("yesNo", YES_NO),
  };
}

/** Reads one row's cells by column, collecting a problem for every bad one (undefined is returned). */
class RowReader {
  constructor(
    readonly row: number,
    private readonly cells: readonly string[],
    private readonly indexOf: ReadonlyMap<ImportColumn, number>,
    private readonly problems: ImportProblem[],
    readonly words: Words,
  ) {}

  cell(column: ImportColumn): string {
    const i = this.indexOf.get(column);
    return i === undefined ? "" : (this.cells[i] ?? "").trim();
  }

  fail(column: ImportColumn, code: ImportProblemCode): undefined {
    const i = this.indexOf.get(column);
    const cell = i === undefined ? {} : { cell: `${columnLetter(i + 1)}${this.row}` };
    this.problems.push({ row: this.row, column, ...cell, code, value: this.cell(column) });
    return undefined;
  }

  /** Whether the row is one of the template's examples, sent back as it was. */
  isExample(): boolean {
    return isUnchangedExample((column) => this.cell(column), [...this.indexOf.keys()]);
  }

  required(column: ImportColumn, max = MAX_NAME): string | undefined {
    const value = this.cell(column);
    if (value === "") return this.fail(column, "required");
    if (value.length > max) return this.fail(column, "tooLong");
    return value;
  }

  code(column: ImportColumn): string | undefined {
    const value = this.required(column, 64);
    if (value === undefined) return undefined;
    return CODE.test(value) ? value : this.fail(column, "badCode");
  }

  word<K extends string>(column: ImportColumn, map: Map<string, K>, bad: ImportProblemCode) {
    const value = this.cell(column);
    if (value === "") return this.fail(column, "required");
    return map.get(normalize(value)) ?? this.fail(column, bad);
  }

  active(): boolean | undefined {
    const value = normalize(this.cell("active"));
    if (value === "" || EXTRA_YES.includes(value)) return true;
    if (EXTRA_NO.includes(value)) return false;
    const yesNo = this.words.active.get(value);
    return yesNo === undefined ? this.fail("active", "badActive") : yesNo === "yes";
  }

  /** How many problems have been found so far, in this row and before it. */
  get problemCount(): number {
    return this.problems.length;
  }
}

/** Keys already seen in the file, so a repeated one is reported on its second row. */
interface Seen {
  bodies: Set<string>;
  members: Set<string>;
  people: Set<number>;
}

function readBody(r: RowReader, seen: Seen, plan: DirectoryPlan): void {
  const before = r.problemCount;
  const code = r.code("code");
  const kind = r.word("kind", r.words.kind, "badKind");
  const nameKk = r.required("name_kk");
  const nameRu = r.required("name_ru");
  const region = r.cell("region");
  const parentCode = r.cell("parent_code");
  if (region.length > MAX_NAME) r.fail("region", "tooLong");
  if (parentCode !== "" && parentCode === code) r.fail("parent_code", "ownParent");
  const active = r.active();
  if (code !== undefined && seen.bodies.has(code)) r.fail("code", "duplicateCode");
  if (code !== undefined) seen.bodies.add(code);
  if (r.problemCount > before || !code || !kind || !nameKk || !nameRu) return;
  plan.bodies.push({
    row: r.row,
    code,
    kind,
    nameKk,
    nameRu,
    region: region || null,
    parentCode: parentCode || null,
    active: active ?? true,
  });
}

function readPerson(r: RowReader, seen: Seen, plan: DirectoryPlan): void {
  const before = r.problemCount;
  const idText = r.cell("telegram_id");
  const telegramId =
    idText === ""
      ? r.fail("telegram_id", "required")
      : TELEGRAM_ID.test(idText) && Number(idText) > 0
        ? Number(idText)
        : r.fail("telegram_id", "badTelegramId");
  const name = r.required("name");
  const role = r.word("role", r.words.role, "badRole");
  const bodyCode = r.cell("body_code");
  // Only an admin may be nobody's: everyone else reports for, or manages, a body.
  if (role !== undefined && role !== "admin" && bodyCode === "") r.fail("body_code", "required");
  const language =
    r.cell("language") === "" ? "ru" : r.word("language", r.words.language, "badLanguage");
  const active = r.active();
  if (telegramId !== undefined && seen.people.has(telegramId)) {
    r.fail("telegram_id", "duplicateTelegramId");
  }
  if (telegramId !== undefined) seen.people.add(telegramId);
  if (r.problemCount > before || !telegramId || !name || !role || !language) return;
  plan.people.push({
    row: r.row,
    telegramId,
    name,
    role,
    bodyCode: bodyCode || null,
    language,
    active: active ?? true,
  });
}

function readMember(r: RowReader, kind: MemberKind, seen: Seen, plan: DirectoryPlan): void {
  const before = r.problemCount;
  const bodyCode = r.required("body_code", 64);
  const code = r.code("code");
  const nameKk = r.required("name_kk");
  const nameRu = r.required("name_ru");
  const active = r.active();
  const key = `${bodyCode}|${code}`;
  if (bodyCode && code && seen.members.has(key)) r.fail("code", "duplicateMember");
  seen.members.add(key);
  if (r.problemCount > before || !bodyCode || !code || !nameKk || !nameRu) return;
  plan.members.push({ row: r.row, bodyCode, kind, code, nameKk, nameRu, active: active ?? true });
}

/**
 * Parses a directory table (row 1 is the header) into bodies, members and people, and lists every
 * problem with its row and column; the plan holds the rows that were right, so checkPlan can find
 * what else is wrong in the same answer. Checks what the file alone can tell; checkPlan does the
 * rest. A Windows-1251 file is checked for Kazakh letters it could not hold.
 */
export function parseDirectoryTable(
  table: TextTable,
  options: { encoding?: TextEncoding } = {},
):
  | { ok: true; plan: DirectoryPlan }
  | { ok: false; problems: ImportProblem[]; plan: DirectoryPlan } {
  const plan: DirectoryPlan = { bodies: [], members: [], people: [] };
  const headerSynonyms = synonyms("columns", IMPORT_COLUMNS);
  const indexOf = new Map<ImportColumn, number>();
  (table[0] ?? []).forEach((label, i) => {
    const key = headerSynonyms.get(normalize(label));
    if (key && !indexOf.has(key)) indexOf.set(key, i);
  });
  plan.letters = Object.fromEntries([...indexOf].map(([key, i]) => [key, columnLetter(i + 1)]));
  const missing = (["type", "code"] as const).filter((c) => !indexOf.has(c));
  if (missing.length > 0) {
    const problems = missing.map((column) => ({ row: 1, column, code: "missingColumn" as const }));
    return { ok: false, problems, plan };
  }
  if (table.length - 1 > MAX_IMPORT_ROWS) {
    return { ok: false, problems: [{ row: MAX_IMPORT_ROWS + 2, code: "tooManyRows" }], plan };
  }
  const words = wordsOfFiles();
  const problems: ImportProblem[] = [];
  const seen: Seen = { bodies: new Set(), members: new Set(), people: new Set() };
  table.slice(1).forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    const reader = new RowReader(index + 2, cells, indexOf, problems, words);
    if (reader.isExample()) {
      problems.push({ row: reader.row, code: "exampleRow" });
      return;
    }
    if (options.encoding === "windows-1251") findLostLetters(reader);
    const type = reader.word("type", words.type, "unknownType");
    if (type === "body") readBody(reader, seen, plan);
    else if (type === "person") readPerson(reader, seen, plan);
    else if (type !== undefined) readMember(reader, type, seen, plan);
  });
  const planned = new Set(plan.bodies.map((body) => body.code));
  plan.faultyBodyCodes = [...seen.bodies].filter((code) => !planned.has(code));
  const all = oneProblemPerMissingColumn(problems, indexOf);
  return all.length > 0 ? { ok: false, problems: all, plan } : { ok: true, plan };
}

// Windows-1251 has no ә, ғ, қ, ң, ө, ұ, ү, һ: Excel writes "?" for them, inside the word.
const LOST_LETTER = /\p{L}\?|\?\p{L}/u;

function findLostLetters(r: RowReader): void {
  for (const column of IMPORT_COLUMNS) {
    if (LOST_LETTER.test(r.cell(column))) r.fail(column, "lostLetters");
  }
}

/** A column the rows need but the header lacks is one problem of the header, not one per row. */
function oneProblemPerMissingColumn(
  problems: ImportProblem[],
  indexOf: ReadonlyMap<ImportColumn, number>,
): ImportProblem[] {
  const absent = new Set<ImportColumn>();
  const rest = problems.filter((problem) => {
    if (problem.code !== "required" || !problem.column || indexOf.has(problem.column)) return true;
    absent.add(problem.column);
    return false;
  });
  const header = [...absent].map((column) => ({ row: 1, column, code: "missingColumn" as const }));
  return [...header, ...rest];
}
