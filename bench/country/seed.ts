// A country's directory and a year of its reports, written straight into PostgreSQL in bulk
// (INSERT … SELECT FROM unnest, thousands of rows a statement), never through the bot: regions
// with their districts, ministries with committees and their territorial departments, four
// people a body, and every report of 2026 the methodology asks of each kind of body, scored by
// the scoring engine as the bot would have stored them.
import pg from "pg";
import type { MethodologyBook } from "../../src/domain/methodology/book.ts";
import type { IndicatorDef, MethodologyVersion } from "../../src/domain/methodology/types.ts";
import { indicatorsOwed } from "../../src/domain/reports/obligations.ts";
import { scoreReport } from "../../src/domain/scoring/score-report.ts";
import type { IndicatorValue } from "../../src/domain/scoring/values.ts";

export const YEAR = 2026;
/** Everyone joined long before the year. */
const JOINED = new Date("2025-01-01T00:00:00Z");
const REGIONS = 20;
const MINISTRIES = 20;
const COMMITTEES_PER_MINISTRY = 5;
/** The first Telegram id of the seeded people. */
export const FIRST_TELEGRAM_ID = 50_000_000;

export interface SeededBody {
  id: number;
  code: string;
  kind: "central" | "regional";
  parentId: number | null;
  region: string | null;
  /** 0: a region or ministry, 1: a district or committee, 2: a territorial department. */
  level: number;
}

export interface Country {
  bodies: SeededBody[];
  /** Telegram ids of each body's manager, by body id. */
  managerOf: Map<number, number>;
  rows: Record<string, number>;
}

/** Deterministic pseudo-random numbers, so every run seeds the same country. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The directory of `size` bodies: half regional (20 regions, the rest their districts), half
 * central (20 ministries, 5 committees each, the rest the committees' territorial departments).
 */
export function directoryOf(size: number): SeededBody[] {
  const bodies: SeededBody[] = [];
  const add = (body: Omit<SeededBody, "id">) => {
    const added = { ...body, id: bodies.length + 1 };
    bodies.push(added);
    return added;
  };
  const regionalCount = Math.floor(size / 2);
  const regions = Array.from({ length: REGIONS }, (_, r) =>
    add({ code: `R${r + 1}`, kind: "regional", parentId: null, region: `R${r + 1}`, level: 0 }),
  );
  for (let d = 0; d < regionalCount - REGIONS; d++) {
    const region = regions[d % REGIONS] as SeededBody;
    add({
      code: `${region.code}-D${Math.floor(d / REGIONS) + 1}`,
      kind: "regional",
      parentId: region.id,
      region: region.region,
      level: 1,
    });
  }
  const ministries = Array.from({ length: MINISTRIES }, (_, m) =>
    add({ code: `M${m + 1}`, kind: "central", parentId: null, region: null, level: 0 }),
  );
  const committees = ministries.flatMap((ministry) =>
    Array.from({ length: COMMITTEES_PER_MINISTRY }, (_, c) =>
      add({
        code: `${ministry.code}-C${c + 1}`,
        kind: "central",
        parentId: ministry.id,
        region: null,
        level: 1,
      }),
    ),
  );
  for (let t = 0; bodies.length < size; t++) {
    const committee = committees[t % committees.length] as SeededBody;
    const region = `R${(Math.floor(t / committees.length) % REGIONS) + 1}`;
    add({
      code: `${committee.code}-${region}-${Math.floor(t / committees.length) + 1}`,
      kind: "central",
      parentId: committee.id,
      region,
      level: 2,
    });
  }
  return bodies;
}

/** A value an indicator's input takes, valid (as the bot would have accepted it) and varied. */
function reportedValue(def: IndicatorDef, next: () => number): IndicatorValue {
  const count = (max: number) => Math.floor(next() * (max + 1));
  switch (def.input) {
    case "flag":
      return next() < 0.85;
    case "share": {
      const total = 1 + count(40);
      return { done: Math.min(total, count(total + 5)), total };
    }
    case "count":
      return count(4);
    case "risks": {
      const identified = count(8);
      const eliminated = Math.min(identified, count(8));
      return { identified, eliminated, completed: Math.min(eliminated, count(4)) };
    }
    case "offenceReports":
      return { administrative: count(3), criminal: count(2) };
    case "gifts":
      return { provided: next() < 0.9, facts: count(3) };
    case "commission": {
      const districts = 5 + count(15);
      return next() < 0.9
        ? { held: true, districts, districtsNotHeld: count(Math.min(3, districts)) }
        : { held: false };
    }
    case "training": {
      const headcount = 50 + count(950);
      return { headcount, trained: count(Math.floor(headcount / 10)) };
    }
    case "propaganda": {
      const events = count(3);
      return events === 0
        ? { events: 0, published: false, views: 0 }
        : { events, published: next() < 0.7, views: count(3000) };
    }
  }
}

/** Rows of one table column by column, added row by row. */
class Table {
  readonly columns: unknown[][];
  count = 0;
  constructor(
    readonly name: string,
    readonly names: readonly string[],
    readonly types: readonly string[],
  ) {
    this.columns = names.map(() => []);
  }
  add(...values: unknown[]): void {
    for (const [i, value] of values.entries()) this.columns[i]?.push(value);
    this.count++;
  }
}

const CHUNK = 20_000;

/** INSERT … SELECT FROM unnest($1::type[], …): a whole chunk of rows in one statement. */
async function writeTable(client: pg.Client, table: Table): Promise<void> {
  const casts = table.types.map((type, i) => `$${i + 1}::${type}[]`).join(", ");
  const sql = `INSERT INTO ${table.name} (${table.names.join(", ")}) SELECT * FROM unnest(${casts})`;
  for (let start = 0; start < table.count; start += CHUNK) {
    await client.query(
      sql,
      table.columns.map((column) => column.slice(start, start + CHUNK)),
    );
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Seeds the country into a migrated, empty database. */
export async function seedCountry(
  databaseUrl: string,
  size: number,
  methodology: MethodologyBook,
): Promise<Country> {
  const next = random(size);
  const bodies = directoryOf(size);
  const tables = {
    body: new Table(
      "body",
      [
        "id",
        "code",
        "kind",
        "name_kk",
        "name_ru",
        "region",
        "parent_id",
        "created_at",
        "updated_at",
      ],
      ["int", "text", "body_kind", "text", "text", "text", "int", "timestamptz", "timestamptz"],
    ),
    user: new Table(
      "app_user",
      ["id", "telegram_id", "name", "language", "role", "body_id", "created_at", "updated_at"],
      ["int", "bigint", "text", "lang", "role", "int", "timestamptz", "timestamptz"],
    ),
    submission: new Table(
      "submission",
      [
        "id",
        "body_id",
        "report_kind",
        "period_key",
        "status",
        "late",
        "version_count",
        "created_at",
        "updated_at",
      ],
      [
        "int",
        "int",
        "report_kind",
        "text",
        "submission_status",
        "bool",
        "int",
        "timestamptz",
        "timestamptz",
      ],
    ),
    version: new Table(
      "submission_version",
      ["id", "submission_id", "number", "author_user_id", "late", "created_at"],
      ["int", "int", "int", "int", "bool", "timestamptz"],
    ),
    value: new Table(
      "submission_value",
      ["version_id", "indicator_id", "value"],
      ["int", "text", "jsonb"],
    ),
    event: new Table(
      "submission_event",
      ["version_id", "ordinal", "kind", "date", "topic", "participants", "position", "audience"],
      ["int", "int", "event_kind", "date", "text", "int", "text", "text"],
    ),
    score: new Table(
      "score",
      [
        "body_id",
        "indicator_id",
        "period_key",
        "points",
        "applicable",
        "methodology_version",
        "computed_at",
      ],
      ["int", "text", "text", "int", "bool", "text", "timestamptz"],
    ),
  };
  const managerOf = new Map<number, number>();
  let userId = 0;
  const people = (body: SeededBody) => {
    const ids: Record<"commissioner" | "officer", number> = { commissioner: 0, officer: 0 };
    for (const role of ["manager", "commissioner", "commissioner", "officer"] as const) {
      userId++;
      const telegramId = FIRST_TELEGRAM_ID + userId;
      const language = next() < 0.3 ? "kk" : "ru";
      tables.user.add(
        userId,
        telegramId,
        `Person ${userId}`,
        language,
        role,
        body.id,
        JOINED,
        JOINED,
      );
      if (role === "manager") managerOf.set(body.id, telegramId);
      else if (ids[role] === 0) ids[role] = userId;
    }
    return ids;
  };
  for (const body of bodies) {
    const names = { kk: `${body.code} органы`, ru: `Орган ${body.code}` };
    tables.body.add(
      body.id,
      body.code,
      body.kind,
      names.kk,
      names.ru,
      body.region,
      body.parentId,
      JOINED,
      JOINED,
    );
  }
  let submissionId = 0;
  for (const body of bodies) {
    const authors = people(body);
    for (const report of reportsOf(body, methodology)) {
      // One report in twenty-five never came; the nightly job scores those as empty reports.
      const roll = next();
      const status =
        roll < 0.04 ? "missing" : roll < 0.07 ? "returned" : roll < 0.3 ? "submitted" : "accepted";
      const values: Record<string, IndicatorValue> = {};
      for (const def of report.indicators) values[def.id] = reportedValue(def, next);
      if (status !== "missing") {
        submissionId++;
        const late = next() < 0.1;
        const at = report.submittedAt;
        const author = report.kind === "monthly" ? authors.commissioner : authors.officer;
        tables.submission.add(
          submissionId,
          body.id,
          report.kind,
          report.periodKey,
          status,
          late,
          1,
          at,
          at,
        );
        tables.version.add(submissionId, submissionId, 1, author, late, at);
        for (const [id, value] of Object.entries(values))
          tables.value.add(submissionId, id, JSON.stringify(value));
        if (report.kind === "monthly")
          addEvents(tables.event, submissionId, report.periodKey, values, next);
      }
      // What the bot stored: the report's score, or an empty report's once its deadline passed.
      const counted = status === "submitted" || status === "accepted";
      const score = scoreReport(report.version, {
        bodyKind: body.kind,
        p1Exempt: false,
        kind: report.kind,
        values: counted ? values : {},
      });
      for (const line of score.indicators)
        tables.score.add(
          body.id,
          line.id,
          report.periodKey,
          line.points,
          line.applicable,
          report.version.id,
          report.submittedAt,
        );
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    for (const table of Object.values(tables)) await writeTable(client, table);
    // A submission and its version point at each other: the version exists only now.
    await client.query("UPDATE submission SET current_version_id = id");
    for (const [table, column] of [
      ["body", "id"],
      ["app_user", "id"],
      ["submission", "id"],
      ["submission_version", "id"],
    ])
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), (SELECT max(${column}) FROM ${table}))`,
      );
    await client.query("COMMIT");
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
  return {
    bodies,
    managerOf,
    rows: Object.fromEntries(Object.values(tables).map((t) => [t.name, t.count])),
  };
}

interface Report {
  kind: "monthly" | "quarterly" | "annual";
  periodKey: string;
  version: MethodologyVersion;
  indicators: IndicatorDef[];
  submittedAt: Date;
}

/** Every report of the year a body owes: 12 months, 4 quarters where a quarterly indicator applies, the year. */
function reportsOf(body: SeededBody, methodology: MethodologyBook): Report[] {
  const keys: [Report["kind"], string, Date][] = [];
  for (let m = 1; m <= 12; m++)
    keys.push(["monthly", `${YEAR}-${pad(m)}`, new Date(Date.UTC(YEAR, m, 3, 6))]);
  for (let q = 1; q <= 4; q++)
    keys.push(["quarterly", `${YEAR}-Q${q}`, new Date(Date.UTC(YEAR, q * 3, 8, 6))]);
  keys.push(["annual", String(YEAR), new Date(Date.UTC(YEAR + 1, 0, 12, 6))]);
  return keys.flatMap(([kind, periodKey, submittedAt]) => {
    const version = methodology.forPeriod(periodKey);
    const indicators = indicatorsOwed(version, kind, body.kind);
    return indicators.length === 0 ? [] : [{ kind, periodKey, version, indicators, submittedAt }];
  });
}

/** The event lines behind a monthly report's counts, as the monthly form stores them. */
function addEvents(
  events: Table,
  versionId: number,
  periodKey: string,
  values: Record<string, IndicatorValue>,
  next: () => number,
): void {
  const day = () => `${periodKey}-${pad(1 + Math.floor(next() * 28))}`;
  let ordinal = 0;
  const counts: [string, string][] = [
    ["p4.t2.s3", "explanatory"],
    ["p4.t2.s4", "preventive"],
  ];
  for (const [id, kind] of counts) {
    const n = Number(values[id] ?? 0);
    for (let i = 0; i < n; i++) {
      ordinal++;
      const preventive = kind === "preventive";
      events.add(
        versionId,
        ordinal,
        kind,
        day(),
        preventive ? `Должность ${ordinal}` : `Тема ${ordinal}`,
        preventive ? 1 : 10 + Math.floor(next() * 90),
        preventive ? `Должность ${ordinal}` : null,
        null,
      );
    }
  }
  const propaganda = values["p4.t3.s1"] as { events: number } | undefined;
  for (let i = 0; i < (propaganda?.events ?? 0); i++) {
    ordinal++;
    events.add(
      versionId,
      ordinal,
      "propaganda",
      day(),
      `Пропаганда ${ordinal}`,
      50,
      null,
      "жители",
    );
  }
}
