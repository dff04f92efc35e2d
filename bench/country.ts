// A country-sized scale test: a directory of N bodies with their parents (regions and districts,
// ministries, committees and territorial departments), four people a body and a full year of
// reports, seeded in bulk into PostgreSQL (durable settings, as production); then the things that
// read the whole country are timed through the bot's own code, and at two sizes, so the print-out
// shows how each cost grows with the country (it must grow at most linearly: no query per body).
//
//   npm run bench:country -- [--bodies 500,5000] [--only export,dashboard]
//
// Per operation and size: wall time, this process's CPU time (the bot's code), the database
// server's CPU time and the SQL statements it ran (pg_stat_statements); then each one's growth
// from the smallest size to the largest, against the growth of the country.
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { createRepositories, migrateDatabase, openDatabase } from "../src/db/index.ts";
import { bundledMethodology } from "../src/methodology/load.ts";
import type { PostgresServer } from "../test/support/postgres.ts";
import { botClient, dashboardClient } from "./country/clients.ts";
import { OPERATIONS, type Operation } from "./country/operations.ts";
import { seedCountry, YEAR } from "./country/seed.ts";
import {
  frequentStatements,
  resetStatements,
  serverCpuReader,
  startBenchPostgres,
  statementsRun,
} from "./postgres-stats.ts";

/** 20 January of the year after: every report of the year is due, the annual one too. */
const NOW = new Date(`${YEAR + 1}-01-20T12:00:00+05:00`);

interface Measured {
  wallMs: number;
  cpuMs: number;
  databaseCpuMs: number;
  statements: number;
  outcome: string;
  /** Every distinct statement it ran (pg_stat_statements' normalised text), most frequent first. */
  frequent: string[];
}

async function main() {
  const { values } = parseArgs({
    options: {
      bodies: { type: "string", default: "500,5000" },
      // Only the operations whose names hold one of these words (e.g. "export,dashboard").
      only: { type: "string", default: "" },
    },
  });
  const sizes = (values.bodies ?? "").split(",").map(Number).filter(Boolean);
  const words = (values.only ?? "").split(",").filter(Boolean);
  const operations = OPERATIONS.filter(
    (operation) => words.length === 0 || words.some((word) => operation.name.includes(word)),
  );
  const cpu = cpus();
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(1))
      .join(" ");
  const started = performance.now();
  process.stdout.write(
    `${new Date().toISOString()}; machine: ${cpu.length} CPUs (${cpu[0]?.model ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${load()}\n`,
  );
  const server = await startBenchPostgres();
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void server.stop().finally(() => process.exit(130)));
  const results = new Map<number, Map<string, Measured>>();
  try {
    for (const size of sizes) results.set(size, await runSize(server, size, operations));
  } finally {
    await server.stop();
  }
  printGrowth(sizes, results);
  process.stdout.write(
    `\nwhole run ${seconds(performance.now() - started)}; load average at the end ${load()} (other work shares the CPUs)\n`,
  );
}

async function runSize(
  server: PostgresServer,
  size: number,
  operations: readonly Operation[],
): Promise<Map<string, Measured>> {
  const databaseUrl = await server.createDatabase(`country_${size}_${Date.now()}`);
  const book = bundledMethodology();
  const loaded = loadConfig({
    BOT_TOKEN: "123456:COUNTRY",
    NODE_ENV: "test",
    FAKE_NOW: NOW.toISOString(),
    DATABASE_URL: databaseUrl,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join("\n"));
  const { config } = loaded;
  const db = await openDatabase(databaseUrl);
  const measured = new Map<string, Measured>();
  try {
    await migrateDatabase(db);
    const seedStarted = performance.now();
    const country = await seedCountry(databaseUrl, size, book);
    const rows = Object.entries(country.rows)
      .map(([table, n]) => `${table} ${thousands(n)}`)
      .join(", ");
    process.stdout.write(
      `\n== ${size} bodies: seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (${rows})\n`,
    );
    const repos = createRepositories(db, { methodology: () => book });
    const dashboard = await dashboardClient({ repos, config, now: NOW, book });
    const input = {
      repos,
      book,
      config,
      now: NOW,
      country,
      bot: botClient(repos, config, NOW, book),
      dashboard,
    };
    const databaseCpu = await serverCpuReader(server);
    try {
      for (const operation of operations) {
        await resetStatements(server);
        const cpu0 = process.cpuUsage();
        const db0 = databaseCpu();
        const started = performance.now();
        const outcome = await operation.run(input);
        const wallMs = performance.now() - started;
        const used = process.cpuUsage(cpu0);
        const result: Measured = {
          wallMs,
          cpuMs: (used.user + used.system) / 1000,
          databaseCpuMs: databaseCpu() - db0,
          statements: await statementsRun(server, databaseUrl),
          outcome,
          frequent: await frequentStatements(server, databaseUrl, 1000),
        };
        measured.set(operation.name, result);
        printMeasured(operation.name, result);
      }
    } finally {
      await dashboard.close();
    }
  } finally {
    await db.close();
  }
  return measured;
}

/** 12345 → "12,345" (the raw-dates lint keeps toLocaleString out). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const seconds = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s`;

function printMeasured(name: string, m: Measured): void {
  const lines = [
    `   ${name.padEnd(42)} ${seconds(m.wallMs).padStart(8)} wall, CPU ${seconds(m.cpuMs).padStart(7)} bot + ${seconds(m.databaseCpuMs).padStart(7)} database, ${String(m.statements).padStart(6)} statements (${m.frequent.length} distinct) — ${m.outcome}`,
    // The most frequent: a statement run once a body would head this list with thousands of calls.
    ...m.frequent.slice(0, 3).map((line) => `        ${line}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** Each operation's cost at the smallest and largest size, and how many times it grew. */
function printGrowth(sizes: number[], results: Map<number, Map<string, Measured>>): void {
  const small = sizes[0];
  const large = sizes.at(-1);
  if (small === undefined || large === undefined || small === large) return;
  const a = results.get(small);
  const b = results.get(large);
  if (!a || !b) return;
  const lines = [
    `\n=== growth from ${small} to ${large} bodies (×${(large / small).toFixed(0)}): linear is ×${(large / small).toFixed(0)} or less`,
    `   ${"operation".padEnd(42)} ${"wall".padStart(17)}   ${"CPU (bot + database)".padStart(24)}   ${"statements".padStart(18)}`,
  ];
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y) continue;
    const grow = (p: number, q: number) => (p > 0 ? `×${(q / p).toFixed(1)}` : "–");
    const cpuA = x.cpuMs + x.databaseCpuMs;
    const cpuB = y.cpuMs + y.databaseCpuMs;
    lines.push(
      `   ${name.padEnd(42)} ${`${seconds(x.wallMs)} → ${seconds(y.wallMs)}`.padStart(17)} ${grow(x.wallMs, y.wallMs).padStart(6)}   ${`${seconds(cpuA)} → ${seconds(cpuB)}`.padStart(17)} ${grow(cpuA, cpuB).padStart(6)}   ${`${x.statements} → ${y.statements}`.padStart(13)} ${grow(x.statements, y.statements).padStart(6)}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

await main();
