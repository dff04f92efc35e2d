// The deadline rush: N ethics commissioners each file their monthly report at once (14 steps, three
// of them wrong answers), against the local Bot API emulator, with the real bot in webhook mode and,
// in the same invocation, a minimal grammY bot that sends the same texts and buttons from memory
// (bench/minimal-bot.ts): the real bot's rate is quoted as a share of the minimal bot's, which
// is the most this emulator, driver and machine allow.
//
//   npm run bench:deadline-rush -- [--users 200,500] [--scenarios minimal,postgres,pglite,postgres-2]
//                                  [--baseline DIR] [--profile DIR]
//   minimal     the minimal bot (runs first and last; the ratio is against the mean of both)
//   postgres    the real bot on a PostgreSQL server started here with durable settings (fsync and
//               synchronous_commit on, as production runs)
//   postgres-2  two real bot processes on that server behind a round-robin proxy
//   pglite      the real bot on the embedded database (in a folder on disk)
//   --baseline  also runs each real-bot scenario from another checkout (the code before a change),
//               so a change is measured against its baseline in the same invocation
//   --profile   writes a CPU profile of every bot process during the rush into DIR (V8's profiler,
//               see bench/profile-window.ts) and prints where its busy time went, by module and
//               function
//
// Prints per scenario: reports per second, the ratio to the minimal bot, lost and duplicated
// reports (from the database, and from the messages each chat got), CPU milliseconds per report of
// the bot, the database server and this driver (a figure that holds on a loaded machine), SQL
// statements per update (pg_stat_statements) and step latencies.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createRepositories, migrateDatabase, openDatabase } from "../src/db/index.ts";
import { type Emulator, startEmulator } from "../test/support/emulator.ts";
import { findFreePort } from "../test/support/free-port.ts";
import type { PostgresServer } from "../test/support/postgres.ts";
import { startRoundRobinProxy } from "../test/support/round-robin-proxy.ts";
import { seedBody, seedUser } from "../test/support/seed.ts";
import { BenchProcess } from "./bench-process.ts";
import { formatProfile, summariseProfiles } from "./cpu-profile.ts";
import {
  frequentStatements,
  resetStatements,
  serverCpuReader,
  startBenchPostgres,
  statementsRun,
} from "./postgres-stats.ts";
import { countApiCalls, RushTracker, RushUser } from "./rush-client.ts";
import { STEPS } from "./rush-steps.ts";

// 3 November 2026 in Almaty: October's report is due on the 5th.
const FAKE_NOW = "2026-11-03T11:00:00+05:00";
const PERIOD = "2026-10";
const FIRST_USER_ID = 900_000;
const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
/** Bot messages each commissioner gets for the 14 steps: one screen an answer. */
const MESSAGES_PER_REPORT = STEPS.length;

type Database = "none" | "postgres" | "pglite";

interface Scenario {
  /** What the table says: "minimal", "postgres", "postgres (baseline)"… */
  label: string;
  database: Database;
  instances: number;
  /** The checkout the bot runs from; the minimal bot always runs from this one. */
  tree: string;
  minimal: boolean;
}

interface Outcome {
  scenario: Scenario;
  users: number;
  completed: number;
  errors: string[];
  seconds: number;
  latencies: Map<string, number[]>;
  lost: number;
  duplicated: number;
  /** CPU per report; `kernel` is the bot's share spent in the kernel. */
  cpu: { bot: number; kernel: number; database: number | undefined; driver: number };
  statements: number | undefined;
  /** The most frequent statements of the run (PostgreSQL): calls per update and the text. */
  topStatements: string[];
  apiCalls: Map<string, number>;
  load: [number, number];
  botErrors: Map<string, number>;
  profile: string[] | undefined;
}

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "200,500" },
      scenarios: { type: "string", default: "minimal,postgres,pglite" },
      baseline: { type: "string" },
      profile: { type: "string" },
      "step-timeout-ms": { type: "string", default: "180000" },
    },
  });
  const userCounts = (values.users ?? "").split(",").map(Number).filter(Boolean);
  const names = (values.scenarios ?? "").split(",").filter(Boolean);
  const scenarios = scenariosOf(names, values.baseline ? resolve(values.baseline) : undefined);
  const stepTimeoutMs = Number(values["step-timeout-ms"]);
  printMachine();
  let postgres: PostgresServer | undefined;
  if (scenarios.some((s) => s.database === "postgres")) {
    postgres = await startBenchPostgres();
  }
  // Interrupted: the server started here must not outlive the run (the bots die with it).
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      void (postgres?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  try {
    for (const users of userCounts) {
      const outcomes: Outcome[] = [];
      for (const scenario of scenarios) {
        const profileDir = values.profile
          ? join(resolve(values.profile), `${users}-${scenario.label.replace(/\W+/g, "-")}`)
          : undefined;
        const outcome = await runScenario({ scenario, users, postgres, stepTimeoutMs, profileDir });
        printOutcome(outcome);
        outcomes.push(outcome);
      }
      printComparison(users, outcomes);
    }
  } finally {
    await postgres?.stop();
  }
}

/** The scenarios in running order: the minimal bot first and last, baselines next to their own. */
function scenariosOf(names: string[], baseline: string | undefined): Scenario[] {
  const real: Scenario[] = [];
  for (const name of names) {
    if (name === "minimal") continue;
    const database: Database = name.startsWith("postgres") ? "postgres" : "pglite";
    if (name !== "postgres" && name !== "postgres-2" && name !== "pglite")
      throw new Error(`unknown scenario ${name}`);
    const instances = name === "postgres-2" ? 2 : 1;
    if (baseline)
      real.push({
        label: `${name} (baseline)`,
        database,
        instances,
        tree: baseline,
        minimal: false,
      });
    real.push({ label: name, database, instances, tree: REPO_ROOT, minimal: false });
  }
  if (!names.includes("minimal")) return real;
  const minimal = (label: string): Scenario => ({
    label,
    database: "none",
    instances: 1,
    tree: REPO_ROOT,
    minimal: true,
  });
  return [minimal("minimal"), ...real, ...(real.length > 0 ? [minimal("minimal (again)")] : [])];
}

async function runScenario(options: {
  scenario: Scenario;
  users: number;
  postgres: PostgresServer | undefined;
  stepTimeoutMs: number;
  profileDir: string | undefined;
}): Promise<Outcome> {
  const { scenario, users } = options;
  const emulator = await startEmulator();
  const apiCalls = countApiCalls(emulator);
  const ports = await Promise.all(Array.from({ length: scenario.instances }, () => findFreePort()));
  const proxy =
    scenario.instances > 1
      ? await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`))
      : undefined;
  const webhookBase = proxy?.url ?? `http://127.0.0.1:${ports[0]}`;
  const dataDir = mkdtempSync(join(tmpdir(), "adaldyq-rush-"));
  let databaseUrl: string | undefined;
  if (scenario.database === "postgres" && options.postgres)
    databaseUrl = await options.postgres.createDatabase(`rush_${Date.now()}`);
  if (scenario.database === "pglite") databaseUrl = `pglite:${join(dataDir, "pglite")}`;
  if (options.profileDir) {
    rmSync(options.profileDir, { recursive: true, force: true });
    mkdirSync(options.profileDir, { recursive: true });
  }
  const bots = ports.map(
    (port) =>
      new BenchProcess({
        script: scenario.minimal ? "bench/minimal-bot.ts" : "src/main.ts",
        cwd: scenario.minimal ? REPO_ROOT : scenario.tree,
        profileDir: options.profileDir,
        env: {
          BOT_TOKEN: emulator.token,
          TELEGRAM_API_ROOT: emulator.apiRoot,
          NODE_ENV: "test",
          FAKE_NOW,
          LOG_LEVEL: "info",
          RATE_LIMIT_UPDATES: "0",
          WEBHOOK_URL: `${webhookBase}/telegram/webhook`,
          WEBHOOK_SECRET: "rush",
          PORT: String(port),
          HOST: "127.0.0.1",
          CHAT_LOCK_CONNECTIONS: "20",
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        },
      }),
  );
  try {
    process.stdout.write(`\n[${scenario.label}] ${users} users: seeding…\n`);
    if (databaseUrl) await seed(databaseUrl, users);
    await Promise.all(bots.map((bot) => bot.start()));
    // The jobs whose slots passed before FAKE_NOW run at start; let them finish first.
    if (!scenario.minimal) await waitForCatchUp(bots);
    process.stdout.write(`[${scenario.label}] ${bots.length} bot process(es) up; rush!\n`);
    const stopProfiles = await Promise.all(bots.map((bot) => bot.profileWindow()));
    // Only the rush's statements count; the server serves this scenario alone.
    const server = scenario.database === "postgres" ? options.postgres : undefined;
    if (server) await resetStatements(server);
    const databaseCpu = server ? await serverCpuReader(server) : undefined;
    const cpuBefore = {
      bot: bots.reduce((sum, bot) => sum + bot.cpuMs(), 0),
      kernel: bots.reduce((sum, bot) => sum + bot.systemCpuMs(), 0),
      database: databaseCpu?.(),
      driver: driverCpuMs(),
    };
    const load0 = loadavg()[0] ?? 0;
    apiCalls.clear();
    const rushed = await rush(emulator, users, options.stepTimeoutMs);
    const cpu = {
      bot: (bots.reduce((sum, bot) => sum + bot.cpuMs(), 0) - cpuBefore.bot) / rushed.completed,
      kernel:
        (bots.reduce((sum, bot) => sum + bot.systemCpuMs(), 0) - cpuBefore.kernel) /
        rushed.completed,
      database:
        databaseCpu && cpuBefore.database !== undefined
          ? (databaseCpu() - cpuBefore.database) / rushed.completed
          : undefined,
      driver: (driverCpuMs() - cpuBefore.driver) / rushed.completed,
    };
    const ran = server && databaseUrl ? await statementsRun(server, databaseUrl) : undefined;
    const topStatements =
      server && databaseUrl ? await frequentStatements(server, databaseUrl) : [];
    const statements = ran === undefined ? undefined : ran / (users * STEPS.length);
    const load: [number, number] = [load0, loadavg()[0] ?? 0];
    await Promise.all(stopProfiles.map((stop) => stop()));
    await Promise.all(bots.map((bot) => bot.stop()));
    const fromChats = countFromChats(emulator, users);
    const fromDatabase = databaseUrl ? await countReports(databaseUrl, users) : fromChats;
    const botErrors = new Map<string, number>();
    for (const bot of bots)
      for (const [k, n] of bot.errors()) botErrors.set(k, (botErrors.get(k) ?? 0) + n);
    return {
      ...rushed,
      scenario,
      lost: Math.max(fromDatabase.lost, fromChats.lost),
      duplicated: Math.max(fromDatabase.duplicated, fromChats.duplicated),
      cpu,
      statements,
      topStatements,
      apiCalls,
      load,
      botErrors,
      profile: options.profileDir
        ? formatProfile(summariseProfiles(options.profileDir))
        : undefined,
    };
  } finally {
    await Promise.all(bots.map((bot) => bot.stop()));
    await proxy?.stop();
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function waitForCatchUp(bots: BenchProcess[]): Promise<void> {
  const deadline = Date.now() + 300_000;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (
        bots.every((bot) => bot.lines.some((l) => /missed job slots caught up/.test(l.msg ?? "")))
      )
        return resolve();
      if (Date.now() > deadline) return reject(new Error("the start's jobs never caught up"));
      setTimeout(check, 100);
    };
    check();
  });
}

async function seed(databaseUrl: string, users: number): Promise<void> {
  const db = await openDatabase(databaseUrl);
  try {
    await migrateDatabase(db);
    const repos = createRepositories(db);
    for (let i = 0; i < users; i++) {
      const body = await seedBody(repos, { code: `R${String(i).padStart(4, "0")}` });
      await seedUser(repos, {
        telegramId: FIRST_USER_ID + i,
        role: "commissioner",
        bodyId: body.id,
      });
    }
  } finally {
    await db.close();
  }
}

async function rush(
  emulator: Emulator,
  users: number,
  stepTimeoutMs: number,
): Promise<Pick<Outcome, "users" | "completed" | "errors" | "seconds" | "latencies">> {
  const tracker = new RushTracker(emulator);
  const latencies = new Map(STEPS.map((step) => [step.name, [] as number[]]));
  const errors: string[] = [];
  let completed = 0;
  let lastCompletedAt = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, i) => {
      const user = new RushUser(emulator, tracker, FIRST_USER_ID + i, stepTimeoutMs);
      for (const step of STEPS) {
        const began = performance.now();
        try {
          await step.run(user);
        } catch (error) {
          errors.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        latencies.get(step.name)?.push(performance.now() - began);
      }
      completed++;
      lastCompletedAt = performance.now();
    }),
  );
  // Until the last report went through: a stuck user's timeout must not dilute the rate.
  const seconds = ((completed > 0 ? lastCompletedAt : performance.now()) - startedAt) / 1000;
  return { users, completed, errors, seconds, latencies };
}

/** Lost: a chat got fewer screens than the steps (or no "sent"); duplicated: more. */
function countFromChats(emulator: Emulator, users: number) {
  const perChat = new Map<number, { messages: number; sent: number }>();
  for (const stored of emulator.server.storage.botMessages as unknown as {
    message: { chat_id: number; text?: string };
  }[]) {
    const chat = Number(stored.message.chat_id);
    const counts = perChat.get(chat) ?? { messages: 0, sent: 0 };
    counts.messages++;
    if (/отправлен \(версия/.test(stored.message.text ?? "")) counts.sent++;
    perChat.set(chat, counts);
  }
  let lost = 0;
  let duplicated = 0;
  for (let i = 0; i < users; i++) {
    const counts = perChat.get(FIRST_USER_ID + i) ?? { messages: 0, sent: 0 };
    if (counts.sent === 0) lost++;
    else if (counts.sent > 1 || counts.messages > MESSAGES_PER_REPORT) duplicated++;
  }
  return { lost, duplicated };
}

/** Lost: a commissioner's body has no October submission. Duplicated: more than one version or event. */
async function countReports(databaseUrl: string, users: number) {
  const db = await openDatabase(databaseUrl);
  try {
    const rows = await db.prisma.$queryRaw<{ versions: bigint; events: bigint }[]>`
      SELECT
        (SELECT count(*) FROM submission_version v WHERE v.submission_id = s.id) AS versions,
        (SELECT count(*) FROM submission_event e WHERE e.version_id = s.current_version_id) AS events
      FROM submission s
      WHERE s.report_kind = 'monthly' AND s.period_key = ${PERIOD}`;
    const duplicated = rows.filter((row) => row.versions !== 1n || row.events !== 1n).length;
    return { lost: users - rows.length, duplicated };
  } finally {
    await db.close();
  }
}

function driverCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

function printMachine(): void {
  const cpu = cpus();
  const load = loadavg().map((n) => n.toFixed(1));
  process.stdout.write(
    `machine: ${cpu.length} CPUs (${cpu[0]?.model ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load.join(" ")}\n`,
  );
}

const rate = (o: Outcome) => o.completed / o.seconds;

function printOutcome(o: Outcome): void {
  const cpu = [`bot ${o.cpu.bot.toFixed(0)} (of which kernel ${o.cpu.kernel.toFixed(0)})`];
  if (o.cpu.database !== undefined) cpu.push(`PostgreSQL ${o.cpu.database.toFixed(0)}`);
  cpu.push(`driver+emulator ${o.cpu.driver.toFixed(0)}`);
  const calls = [...o.apiCalls].map(
    ([m, n]) => `${m} ${(n / Math.max(1, o.completed)).toFixed(1)}`,
  );
  const lines = [
    `\n== ${o.scenario.label}: ${o.completed}/${o.users} reports in ${o.seconds.toFixed(1)} s = ${rate(o).toFixed(1)} reports/s (load average ${o.load[0].toFixed(1)} → ${o.load[1].toFixed(1)})`,
    `   errors: ${o.errors.length}, lost: ${o.lost}, duplicated: ${o.duplicated}`,
    `   CPU ms per report: ${cpu.join(", ")}`,
    `   Bot API calls per report: ${calls.join(", ")}`,
    ...(o.statements !== undefined
      ? [`   SQL statements per update: ${o.statements.toFixed(1)}`]
      : []),
    "   step                  p50 ms   p95 ms   p99 ms",
  ];
  for (const [name, values] of o.latencies) {
    const sorted = [...values].sort((a, b) => a - b);
    const cells = [50, 95, 99].map((p) => percentile(sorted, p).toFixed(0).padStart(8));
    lines.push(`   ${name.padEnd(20)}${cells.join(" ")}`);
  }
  if (o.topStatements.length > 0)
    lines.push(
      "   most frequent statements (calls, execution time):",
      ...o.topStatements.map((l) => `   ${l}`),
    );
  for (const error of o.errors.slice(0, 5)) lines.push(`   ! ${error}`);
  for (const [message, count] of o.botErrors) lines.push(`   bot error ×${count}: ${message}`);
  if (o.profile) lines.push(...o.profile);
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** One table for a user count: each scenario's rate against the minimal bot's. */
function printComparison(users: number, outcomes: Outcome[]): void {
  const minimal = outcomes.filter((o) => o.scenario.minimal);
  const yardstick =
    minimal.length > 0 ? minimal.reduce((s, o) => s + rate(o), 0) / minimal.length : undefined;
  const minimalCpu =
    minimal.length > 0 ? minimal.reduce((s, o) => s + o.cpu.bot, 0) / minimal.length : undefined;
  const lines = [
    `\n=== ${users} users${yardstick ? ` — minimal bot ${minimal.map((o) => rate(o).toFixed(1)).join(" and ")} reports/s (mean ${yardstick.toFixed(1)})` : ""}`,
    "   scenario              reports/s   × minimal   bot CPU ms/report   lost   duplicated",
  ];
  for (const o of outcomes) {
    const ratio = yardstick ? `${((100 * rate(o)) / yardstick).toFixed(0)} %` : "–";
    const cpuRatio =
      minimalCpu && !o.scenario.minimal ? ` (×${(o.cpu.bot / minimalCpu).toFixed(1)})` : "";
    lines.push(
      `   ${o.scenario.label.padEnd(22)}${rate(o).toFixed(1).padStart(9)}   ${ratio.padStart(9)}   ${`${o.cpu.bot.toFixed(0)}${cpuRatio}`.padStart(17)}   ${String(o.lost).padStart(4)}   ${String(o.duplicated).padStart(10)}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
