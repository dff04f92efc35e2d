import type { Config } from "../config.ts";
import type { Repositories } from "../db/index.ts";
import { localDateOf, toLocal } from "../domain/calendar/zone.ts";
import type { MethodologyBook } from "../domain/methodology/book.ts";
import { truncateGraphemes } from "../domain/text/graphemes.ts";

/**
 * What a job needs: the repositories, the methodology (every period is scored by the version in
 * force for it), a fixed "now" (tests pass their own) and a slice of config.
 */
export interface JobInput {
  repos: Repositories;
  methodology: MethodologyBook;
  now: Date;
  config: Pick<Config, "timeZone" | "methodologyVariants">;
}

/** What a run did: how many messages it put in the outbox (repeats of earlier runs are not counted). */
export interface JobOutcome {
  enqueued: number;
}

export type JobRun = (input: JobInput) => Promise<JobOutcome>;

/** The local minute a run belongs to, "2026-10-05T10:00": the same on every instance. */
export function slotOf(at: Date, zone: string): string {
  const l = toLocal(at, zone);
  return `${localDateOf(at, zone)}T${String(l.hour).padStart(2, "0")}:${String(l.minute).padStart(2, "0")}`;
}

/**
 * Runs a job for a schedule slot unless another instance already claimed that slot; records how
 * it ended. Returns undefined when the slot was someone else's.
 */
export async function runJobOnce(
  name: string,
  run: JobRun,
  input: JobInput,
  slot: string = slotOf(input.now, input.config.timeZone),
): Promise<JobOutcome | undefined> {
  if (!(await input.repos.jobRuns.claimJobRun(name, slot, input.now))) return undefined;
  try {
    const outcome = await run(input);
    await input.repos.jobRuns.finishJobRun(name, slot, `ok: ${outcome.enqueued} enqueued`);
    return outcome;
  } catch (error) {
    const summary = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await input.repos.jobRuns.finishJobRun(
      name,
      slot,
      truncateGraphemes(`failed: ${summary}`, 500),
    );
    throw error;
  }
}
