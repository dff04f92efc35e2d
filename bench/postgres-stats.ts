// The PostgreSQL server of a benchmark: durable (fsync and synchronous_commit on, as production
// runs), with pg_stat_statements to count and name the statements a piece of work sends, and the
// server's CPU time read from /proc.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { type PostgresServer, startPostgres } from "../test/support/postgres.ts";

/** Starts the durable server with pg_stat_statements loaded. */
export async function startBenchPostgres(): Promise<PostgresServer> {
  const server = await startPostgres({
    durable: true,
    settings: { shared_preload_libraries: "pg_stat_statements", max_connections: "200" },
  });
  await adminQuery(server.adminUrl, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  return server;
}

/** Runs one statement on the server's `postgres` database. */
export async function adminQuery<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const databaseName = (databaseUrl: string) =>
  decodeURIComponent(new URL(databaseUrl).pathname.slice(1));

/** Forgets every statement counted so far (the server serves one benchmark at a time). */
export async function resetStatements(server: PostgresServer): Promise<void> {
  await adminQuery(server.adminUrl, "SELECT pg_stat_statements_reset()");
}

/** Statements run in one database since the last reset. */
export async function statementsRun(server: PostgresServer, databaseUrl: string): Promise<number> {
  const rows = await adminQuery<{ calls: string | null }>(
    server.adminUrl,
    `SELECT sum(calls)::text AS calls FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`,
    [databaseName(databaseUrl)],
  );
  return Number(rows[0]?.calls ?? 0);
}

/** The statements run most often in one database since the last reset: calls, time and text. */
export async function frequentStatements(
  server: PostgresServer,
  databaseUrl: string,
  limit = 15,
): Promise<string[]> {
  const rows = await adminQuery<{ calls: string; ms: string; query: string }>(
    server.adminUrl,
    `SELECT calls::text, total_exec_time::text AS ms, query FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)
     ORDER BY pg_stat_statements.calls DESC LIMIT ${Number(limit)}`,
    [databaseName(databaseUrl)],
  );
  return rows.map(
    (r) =>
      `${r.calls.padStart(8)} ${Number(r.ms).toFixed(0).padStart(7)} ms  ${r.query.replace(/\s+/g, " ").slice(0, 150)}`,
  );
}

/**
 * Reads the CPU time (ms) of the whole server: the postmaster, its live processes, and the ones
 * that exited, which the kernel adds to the postmaster's children's time.
 */
export async function serverCpuReader(server: PostgresServer): Promise<() => number> {
  const rows = await adminQuery<{ setting: string }>(
    server.adminUrl,
    "SELECT setting FROM pg_settings WHERE name = 'data_directory'",
  );
  const pidFile = join(rows[0]?.setting ?? "", "postmaster.pid");
  const postmaster = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  const fieldsOf = (pid: number | string) => {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in parentheses may hold spaces; the fields after it are plain.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  };
  return () => {
    const own = fieldsOf(postmaster);
    let ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(own[i]), 0);
    for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
      try {
        const fields = fieldsOf(pid);
        if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process ended meanwhile.
      }
    }
    // USER_HZ is 100 on Linux: a tick is 10 ms.
    return ticks * 10;
  };
}
