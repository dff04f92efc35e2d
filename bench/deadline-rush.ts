// The deadline rush: N ethics commissioners (default 500) each file their monthly report at once,
// with a few wrong answers on the way, against the local Bot API emulator and the real bot process
// (webhook mode). Run: npm run bench:deadline-rush -- [--users 500] [--scenarios pglite,postgres-1,postgres-2]
//   pglite      one process on the embedded database
//   postgres-1  one process on a PostgreSQL server (started here, as in the tests)
//   postgres-2  two processes on that server behind a round-robin proxy
// Prints completed reports per second, p50/p95/p99 latency per step, errors, and from the database
// afterwards the lost (no submission) and duplicated (more than one version or event) reports.
import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { createRepositories, migrateDatabase, openDatabase } from "../src/db/index.ts";
import { BotProcess } from "../test/support/bot-process.ts";
import { type Emulator, startEmulator } from "../test/support/emulator.ts";
import { findFreePort } from "../test/support/free-port.ts";
import { type PostgresServer, startPostgres } from "../test/support/postgres.ts";
import { startRoundRobinProxy } from "../test/support/round-robin-proxy.ts";
import { seedBody, seedUser } from "../test/support/seed.ts";
import { RushTracker, RushUser } from "./rush-client.ts";

// 3 November 2026 in Almaty: October's report is due on the 5th.
const FAKE_NOW = "2026-11-03T11:00:00+05:00";
const PERIOD = "2026-10";
const FIRST_USER_ID = 900_000;

type Step = { name: string; run: (user: RushUser) => Promise<unknown> };

// The commissioner's path through /report, from test/e2e/monthly-report.test.ts: one event, three
// wrong answers (a date outside the month, a number in words, a negative count).
const STEPS: Step[] = [
  { name: "/report", run: (u) => u.say("/report", "За какой месяц отчёт?") },
  { name: "pick month", run: (u) => u.press("октябрь 2026 г.", "1/4. Разъяснительные") },
  { name: "add event", run: (u) => u.press("➕ Добавить мероприятие", "Когда оно прошло?") },
  { name: "wrong date", run: (u) => u.say("15.11", "❗ Дата не входит в отчётный месяц") },
  { name: "date", run: (u) => u.say("12", "Напишите его тему") },
  { name: "topic", run: (u) => u.say("Конфликт интересов", "Сколько человек участвовало?") },
  { name: "words", run: (u) => u.say("сорок", "❗ Напишите число цифрами") },
  { name: "participants", run: (u) => u.say("40", "1. 12.10.2026 — Конфликт интересов") },
  { name: "events done", run: (u) => u.press("✅ Готово", "2/4. Профилактическая работа") },
  { name: "negative", run: (u) => u.say("-2", "❗ Число не может быть отрицательным.") },
  { name: "officials", run: (u) => u.say("0", "3/4") },
  { name: "no outreach", run: (u) => u.press("✅ Готово", "4/4") },
  { name: "skip files", run: (u) => u.press("➡ Пропустить", "Итого за месяц") },
  { name: "submit", run: (u) => u.press("📤 Отправить отчёт", "отправлен (версия 1)") },
];

interface Outcome {
  scenario: string;
  users: number;
  completed: number;
  errors: string[];
  seconds: number;
  latencies: Map<string, number[]>;
  lost: number;
  duplicated: number;
  /** Error log lines of the bot processes, counted by message. */
  botErrors: Map<string, number>;
}

async function main() {
  const { values } = parseArgs({
    options: {
      users: { type: "string", default: "500" },
      scenarios: { type: "string", default: "pglite,postgres-1,postgres-2" },
      "step-timeout-ms": { type: "string", default: "120000" },
    },
  });
  const users = Number(values.users);
  const scenarios = (values.scenarios ?? "").split(",").filter(Boolean);
  const stepTimeoutMs = Number(values["step-timeout-ms"]);
  printMachine();
  let postgres: PostgresServer | undefined;
  try {
    for (const scenario of scenarios) {
      let databaseUrl: string | undefined;
      if (scenario.startsWith("postgres")) {
        postgres ??= await startPostgres();
        databaseUrl = await postgres.createDatabase(
          `rush_${scenario.replace("-", "_")}_${Date.now()}`,
        );
      }
      const instances = scenario === "postgres-2" ? 2 : 1;
      printOutcome(await runScenario({ scenario, users, databaseUrl, instances, stepTimeoutMs }));
    }
  } finally {
    await postgres?.stop();
  }
}

async function runScenario(options: {
  scenario: string;
  users: number;
  databaseUrl: string | undefined;
  instances: number;
  stepTimeoutMs: number;
}): Promise<Outcome> {
  const emulator = await startEmulator();
  const ports = await Promise.all(Array.from({ length: options.instances }, () => findFreePort()));
  const proxy =
    options.instances > 1
      ? await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`))
      : undefined;
  const webhookBase = proxy?.url ?? `http://127.0.0.1:${ports[0]}`;
  const bots = ports.map(
    (port) =>
      new BotProcess({
        emulator,
        env: {
          NODE_ENV: "test",
          FAKE_NOW,
          LOG_LEVEL: "info",
          RATE_LIMIT_UPDATES: "0",
          WEBHOOK_URL: `${webhookBase}/telegram/webhook`,
          WEBHOOK_SECRET: "rush",
          PORT: String(port),
          HOST: "127.0.0.1",
          CHAT_LOCK_CONNECTIONS: "20",
          ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        },
      }),
  );
  const databaseUrl = options.databaseUrl ?? `pglite:${bots[0]?.dataDir}/pglite`;
  try {
    process.stdout.write(
      `\n[${options.scenario}] seeding ${options.users} bodies and commissioners…\n`,
    );
    await seed(databaseUrl, options.users);
    await Promise.all(bots.map((bot) => bot.start()));
    process.stdout.write(`[${options.scenario}] ${bots.length} bot process(es) up; rush!\n`);
    const outcome = await rush(emulator, options);
    await Promise.all(bots.map((bot) => bot.stop()));
    const { lost, duplicated } = await countReports(databaseUrl, options.users);
    const botErrors = new Map<string, number>();
    for (const line of bots.flatMap((bot) => bot.lines)) {
      // Plain lines (no pino level, e.g. the owner-claim link) are not errors.
      if (!(Number(line.level) >= 50)) continue;
      const err = line.err as { message?: string } | undefined;
      const key = `${line.msg}: ${(err?.message ?? "").slice(0, 160)}`;
      botErrors.set(key, (botErrors.get(key) ?? 0) + 1);
    }
    return { ...outcome, scenario: options.scenario, lost, duplicated, botErrors };
  } finally {
    await Promise.all(bots.map((bot) => bot.dispose()));
    await proxy?.stop();
    await emulator.stop();
  }
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
  options: { users: number; stepTimeoutMs: number },
): Promise<Pick<Outcome, "users" | "completed" | "errors" | "seconds" | "latencies">> {
  const tracker = new RushTracker(emulator);
  const latencies = new Map(STEPS.map((step) => [step.name, [] as number[]]));
  const errors: string[] = [];
  let completed = 0;
  let lastCompletedAt = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: options.users }, async (_, i) => {
      const user = new RushUser(emulator, tracker, FIRST_USER_ID + i, options.stepTimeoutMs);
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
  return { users: options.users, completed, errors, seconds, latencies };
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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

function printMachine(): void {
  const cpu = cpus();
  process.stdout.write(
    `machine: ${cpu.length} CPUs (${cpu[0]?.model ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  );
}

function printOutcome(outcome: Outcome): void {
  const lines = [
    `\n== ${outcome.scenario}: ${outcome.completed}/${outcome.users} reports in ${outcome.seconds.toFixed(1)} s = ${(outcome.completed / outcome.seconds).toFixed(1)} reports/s`,
    `   errors: ${outcome.errors.length}, lost: ${outcome.lost}, duplicated: ${outcome.duplicated}`,
    "   step                  p50 ms   p95 ms   p99 ms",
  ];
  for (const [name, values] of outcome.latencies) {
    const sorted = [...values].sort((a, b) => a - b);
    const cells = [50, 95, 99].map((p) => percentile(sorted, p).toFixed(0).padStart(8));
    lines.push(`   ${name.padEnd(20)}${cells.join(" ")}`);
  }
  for (const error of outcome.errors.slice(0, 5)) lines.push(`   ! ${error}`);
  for (const [message, count] of outcome.botErrors)
    lines.push(`   bot error ×${count}: ${message}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
