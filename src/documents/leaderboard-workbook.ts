import { type Lang, translator } from "../i18n.ts";
import {
  columnsIn,
  DocumentDataError,
  type DocumentTable,
  tablesToWorkbook,
  tableToCsv,
} from "./table.ts";

/** One place on a leaderboard; points in integer hundredths. */
export type LeaderboardRow = {
  rank: number;
  bodyName: string;
  points: number;
  /** Points claimed in reports not yet reviewed, in integer hundredths. */
  unreviewedPoints?: number;
  /** Places moved since the previous period: positive is up, negative down. */
  change?: number;
  /** Reports the body owed over the period, received, and received on time. */
  reporting?: { expected: number; received: number; onTime: number };
  /** Nothing it owed was received: "not reported" stands where its points would. */
  notReported?: boolean;
};

export type LeaderboardInput = {
  lang: Lang;
  /** Which bodies are compared, e.g. "Местные исполнительные органы". */
  kindLabel: string;
  rows: LeaderboardRow[];
  created?: Date;
};

/** The .xlsx of a leaderboard, rows in the order given. */
export async function buildLeaderboardWorkbook(input: LeaderboardInput): Promise<Buffer> {
  return tablesToWorkbook([leaderboardTable(input)], input.created);
}

/** The leaderboard as CSV. */
export function buildLeaderboardCsv(input: LeaderboardInput): Buffer {
  return tableToCsv(leaderboardTable(input));
}

function leaderboardTable(input: LeaderboardInput): DocumentTable {
  const t = translator(input.lang);
  const column = columnsIn(input.lang);
  for (const row of input.rows) {
    const numbers = [
      row.rank,
      row.points,
      row.unreviewedPoints ?? 0,
      row.change ?? 0,
      row.reporting?.expected ?? 0,
      row.reporting?.received ?? 0,
      row.reporting?.onTime ?? 0,
    ];
    if (!numbers.every(Number.isSafeInteger)) {
      throw new DocumentDataError(`Leaderboard row "${row.bodyName}" has a non-integer number`);
    }
  }
  return {
    sheetName: t("documents:sheets.leaderboard"),
    title: t("documents:titles.leaderboard", { kind: input.kindLabel }),
    columns: [
      column("rank", 8, "integer"),
      column("body", 48, "text"),
      column("points", 12, "points"),
      column("unreviewedPoints", 18, "points"),
      column("change", 16, "signedInteger"),
      column("reportsReceived", 14, "integer"),
      column("reportsExpected", 14, "integer"),
      column("reportsOnTime", 14, "integer"),
      column("note", 24, "text"),
    ],
    rows: input.rows.map((row) => [
      row.rank,
      row.bodyName,
      row.notReported ? null : row.points,
      row.unreviewedPoints ?? null,
      row.change ?? null,
      row.reporting?.received ?? null,
      row.reporting?.expected ?? null,
      row.reporting?.onTime ?? null,
      row.notReported ? t("documents:notReported") : null,
    ]),
  };
}
