// What the country benchmark times: each thing people and jobs do that reads the whole country
// or a large part of it, through the same code the bot runs.
import type { Config } from "../../src/config.ts";
import type { Repositories } from "../../src/db/index.ts";
import type { MethodologyBook } from "../../src/domain/methodology/book.ts";
import { runLeaderboard } from "../../src/jobs/leaderboard.ts";
import { runMissedReportScores } from "../../src/jobs/missed-report-scores.ts";
import { runMonthlyDigest } from "../../src/jobs/monthly-digest.ts";
import { type ExportRequest, runExport } from "../../src/services/exports.ts";
import type { BotClient, dashboardClient } from "./clients.ts";
import { type Country, YEAR } from "./seed.ts";

export interface OperationInput {
  repos: Repositories;
  book: MethodologyBook;
  config: Config;
  now: Date;
  country: Country;
  bot: BotClient;
  dashboard: Awaited<ReturnType<typeof dashboardClient>>;
}

export interface Operation {
  name: string;
  /** Does it; says what came out (to show it did the whole job). */
  run(input: OperationInput): Promise<string>;
}

const MONTH = `${YEAR}-12`;

/** The manager of the first region or ministry (a body with the most below it). */
function topManager(country: Country, kind: "regional" | "central"): number {
  const body = country.bodies.find((b) => b.kind === kind && b.level === 0);
  const manager = body && country.managerOf.get(body.id);
  if (!manager) throw new Error(`no ${kind} manager`);
  return manager;
}

const topBody = (country: Country, kind: "regional" | "central") => {
  const body = country.bodies.find((b) => b.kind === kind && b.level === 0);
  if (!body) throw new Error(`no top ${kind} body`);
  return body;
};

async function botCommand(input: OperationInput, kind: "regional" | "central", text: string) {
  const { calls, texts } = await input.bot.send(topManager(input.country, kind), text);
  if (!calls.includes("sendMessage")) throw new Error(`${text}: no answer (${calls.join(", ")})`);
  return `${texts.join("").length} characters`;
}

async function dashboardGets(input: OperationInput, paths: string[]) {
  const manager = topManager(input.country, "regional");
  let bytes = 0;
  for (const path of paths) {
    const answer = await input.dashboard.get(manager, path);
    if (answer.status !== 200) throw new Error(`dashboard ${path}: ${answer.status}`);
    bytes += answer.bytes;
  }
  return `${paths.length} requests, ${Math.round(bytes / 1024)} KB of JSON`;
}

function jobInput(input: OperationInput) {
  return { repos: input.repos, methodology: input.book, now: input.now, config: input.config };
}

async function exportYear(input: OperationInput, request: ExportRequest) {
  const result = await runExport(input.repos, input.book, request, {
    format: "xlsx",
    lang: "ru",
    actorUserId: null,
    now: input.now,
    zone: input.config.timeZone,
    variants: input.config.methodologyVariants,
  });
  if (!result.ok) throw new Error(`export ${request.kind}: ${result.reason}`);
  const bytes = result.files.reduce((sum, f) => sum + f.data.length, 0);
  return `${result.files.length} file(s), ${Math.round(bytes / 1024)} KB`;
}

export const OPERATIONS: Operation[] = [
  {
    name: "/score, a region's manager",
    run: (input) => botCommand(input, "regional", "/score"),
  },
  {
    name: "/score, a ministry's manager",
    run: (input) => botCommand(input, "central", "/score"),
  },
  {
    name: "/leaderboard",
    run: (input) => botCommand(input, "regional", "/leaderboard"),
  },
  {
    name: "dashboard: a region, month/quarter/year",
    run: (input) => {
      const region = topBody(input.country, "regional");
      return dashboardGets(input, [
        "session",
        `body/${region.id}?period=${MONTH}`,
        `body/${region.id}?period=${YEAR}-Q4`,
        `body/${region.id}?period=${YEAR}`,
      ]);
    },
  },
  {
    name: "nightly missed-report scoring",
    async run(input) {
      await runMissedReportScores(jobInput(input));
      return "done";
    },
  },
  {
    name: "monthly digest, every manager",
    async run(input) {
      const { enqueued } = await runMonthlyDigest(jobInput(input));
      return `${enqueued} messages`;
    },
  },
  {
    name: "leaderboard post job",
    async run(input) {
      const { enqueued } = await runLeaderboard(jobInput(input));
      return `${enqueued} messages`;
    },
  },
  {
    name: "export of the year: monthly reports",
    run: (input) => exportYear(input, { kind: "monthly", periodKey: String(YEAR) }),
  },
  {
    name: "export of the year: leaderboard",
    run: (input) => exportYear(input, { kind: "leaderboard", periodKey: String(YEAR) }),
  },
  {
    name: "export of the year: reporting rates",
    run: (input) => exportYear(input, { kind: "reporting", periodKey: String(YEAR) }),
  },
  {
    name: "export of the year: a score sheet",
    run: (input) =>
      exportYear(input, {
        kind: "scores",
        periodKey: String(YEAR),
        bodyId: topBody(input.country, "regional").id,
      }),
  },
];
