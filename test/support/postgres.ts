// Starts a throwaway PostgreSQL server: initdb into a temp folder, a free port on 127.0.0.1, trust
// auth, fsync off (on with `durable`, for benchmarks). The db project's global setup starts one for
// the whole run (with a migrated template database); a test may start its own. Missing binaries
// skip the server tests locally, but fail on CI.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Where test databases are made: the run's server (see connectPostgres) or a file's own. */
export interface PostgresDatabases {
  /** postgres:// URL of the server's `postgres` database, as the superuser. */
  adminUrl: string;
  /** Creates a database (empty, or a copy of `template`) and returns its postgres:// URL. */
  createDatabase(name: string, options?: { template?: string }): Promise<string>;
}

/** A server this process started. */
export interface PostgresServer extends PostgresDatabases {
  /** Stops the server as an outage would (connections dropped); resume() brings it back. */
  pause(): Promise<void>;
  /** Starts the paused server again on the same port with the same data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** A server someone else started and stops (the global setup's); stop() does nothing. */
export function connectPostgres(adminUrl: string): PostgresDatabases & { stop(): Promise<void> } {
  return { ...databasesOn(adminUrl), stop: async () => undefined };
}

function databasesOn(adminUrl: string): PostgresDatabases {
  const quote = (name: string) => `"${name.replace(/"/g, "")}"`;
  return {
    adminUrl,
    async createDatabase(name, options = {}) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        const template = options.template ? ` TEMPLATE ${quote(options.template)}` : "";
        await client.query(`CREATE DATABASE ${quote(name)}${template}`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${encodeURIComponent(name)}`;
      return url.toString();
    },
  };
}

/** The newest /usr/lib/postgresql/<version>/bin that has initdb, if any. */
export function findPostgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

/** True when the server variant of the database tests can run; on CI, missing binaries are an error. */
export function postgresAvailable(): boolean {
  if (findPostgresBin()) return true;
  // The one env read here is the CI switch, which vitest passes through.
  if (process.env.CI === "true") {
    throw new Error("PostgreSQL binaries are missing on CI: run .ci/postgres.sh first");
  }
  console.warn(
    "\n!!! PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin): SKIPPING the server variant " +
      "of the database tests. Install them with .ci/postgres.sh. !!!\n",
  );
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** initdb and postgres refuse to run as root: run them as the `postgres` user then. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  if (userInfo().uid !== 0) return [command, args];
  return ["runuser", ["-u", "postgres", "--", command, ...args]];
}

function run(command: string, args: string[]): void {
  const [cmd, cmdArgs] = asServerUser(command, args);
  const result = spawnSync(cmd, cmdArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

export interface PostgresOptions {
  /**
   * fsync, synchronous_commit and full_page_writes on, as a production server runs (benchmarks);
   * tests leave them off, since a crash of a throwaway server loses nothing worth keeping.
   */
  durable?: boolean;
  /** More server settings (`-c name=value`), e.g. shared_preload_libraries. */
  settings?: Record<string, string>;
}

/** Starts a private server; call stop() in afterAll. */
export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL binaries not found");
  const dir = mkdtempSync(join(tmpdir(), "adaldyq-pg-"));
  const dataDir = join(dir, "data");
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  run(join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--no-sync",
    "--no-instructions",
  ]);
  const settings: Record<string, string> = {
    listen_addresses: "127.0.0.1",
    ...(options.durable
      ? { fsync: "on", synchronous_commit: "on", full_page_writes: "on" }
      : { fsync: "off", synchronous_commit: "off", full_page_writes: "off" }),
    ...options.settings,
  };
  const flags = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  let port = 0;
  const startServer = () =>
    run(join(bin, "pg_ctl"), [
      "-D",
      dataDir,
      "-l",
      join(dir, "server.log"),
      "-w",
      "-t",
      "60",
      "-o",
      [`-p ${port}`, `-k ${dir}`, ...flags].join(" "),
      "start",
    ]);
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      startServer();
      break;
    } catch (error) {
      // Another process may have taken the port between probing and binding.
      if (attempt >= 3) throw error;
    }
  }
  return {
    ...databasesOn(`postgres://postgres@127.0.0.1:${port}/postgres`),
    async pause() {
      run(join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    },
    async resume() {
      startServer();
    },
    async stop() {
      try {
        run(join(bin, "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
