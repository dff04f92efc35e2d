import { type Database, migrationStatus } from "../db/index.ts";
import { askBotApi } from "./wait-for-bot-api.ts";

/** The outcome of one readiness check: ok, or why not. */
export type CheckResult = { ok: true } | { ok: false; error: string };

/** What /readyz answers: ready only when every check passed. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

/** A named probe: resolves when healthy, throws (or rejects) with the reason when not. */
export type Probe = () => Promise<void>;

export interface ReadinessOptions {
  /** Cheap probes run on every request (e.g. "updates": the runner is running). */
  probes: Record<string, Probe>;
  /** Expensive probes (schema engine, Bot API) whose result is kept for `cacheMs`. */
  cachedProbes?: Record<string, Probe>;
  /** How long a cached probe's answer stands; default 30 s. */
  cacheMs?: number;
  /** Each probe fails if it takes longer than this; default 5 s. */
  timeoutMs?: number;
  now?: () => number;
}

/** Builds the /readyz check: runs the probes in parallel and names each failure. */
export function createReadinessCheck(options: ReadinessOptions): () => Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const cached = Object.fromEntries(
    Object.entries(options.cachedProbes ?? {}).map(([name, probe]) => [
      name,
      cacheProbe(probe, options.cacheMs ?? 30_000, options.now ?? Date.now),
    ]),
  );
  const all = { ...options.probes, ...cached };
  return async () => {
    const entries = await Promise.all(
      Object.entries(all).map(async ([name, probe]) => [name, await runProbe(probe, timeoutMs)]),
    );
    const checks = Object.fromEntries(entries) as Record<string, CheckResult>;
    return { ready: Object.values(checks).every((check) => check.ok), checks };
  };
}

/** Keeps a probe's outcome (success or failure) for a while; concurrent callers share one run. */
export function cacheProbe(probe: Probe, cacheMs: number, now: () => number = Date.now): Probe {
  let last: { at: number; outcome: Promise<void> } | undefined;
  return () => {
    if (last && now() - last.at < cacheMs) return last.outcome;
    const outcome = probe();
    // A rejection is kept as the answer too: a dead API should not be hammered by every probe.
    outcome.catch(() => undefined);
    last = { at: now(), outcome };
    return outcome;
  };
}

async function runProbe(probe: Probe, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Fails unless the Bot API answers getMe for this token (a plain fetch: no retries, no hooks). */
export function probeBotApi(apiRoot: string, token: string, timeoutMs = 5_000): Probe {
  return async () => {
    const answer = await askBotApi(apiRoot, token, timeoutMs);
    if (answer.ok) return;
    throw new Error(
      answer.reason.startsWith("answered")
        ? `Bot API ${answer.reason}`
        : `Bot API unreachable: ${answer.reason}`,
    );
  };
}

/** Fails unless the database answers a trivial query. */
export function probeDatabase(db: Database): Probe {
  return async () => {
    await db.prisma.$queryRaw`SELECT 1`;
  };
}

/** Fails unless every migration in prisma/migrations is applied (and none failed or was edited). */
export function probeMigrations(db: Database): Probe {
  return async () => {
    const status = await migrationStatus(db);
    if (status.upToDate) return;
    const problems = [
      status.pending.length > 0 ? `pending: ${status.pending.join(", ")}` : "",
      status.failed.length > 0 ? `failed: ${status.failed.join(", ")}` : "",
      status.edited.length > 0 ? `edited: ${status.edited.join(", ")}` : "",
      status.unknown.length > 0 ? `unknown: ${status.unknown.join(", ")}` : "",
    ].filter(Boolean);
    throw new Error(`migrations not up to date (${problems.join("; ") || "no history"})`);
  };
}
