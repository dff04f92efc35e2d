/**
 * Where an owed report stands: received on time or late; returned for correction (its values do
 * not count until it comes back); missing (the deadline passed and nothing counts); pending (not
 * received, but the deadline is still ahead).
 */
export type ReportState = "onTime" | "late" | "returned" | "missing" | "pending";

export const REPORT_STATES = [
  "onTime",
  "late",
  "returned",
  "missing",
  "pending",
] as const satisfies readonly ReportState[];

/** What is known of a report's live submission, if there is one. */
export interface SubmissionFacts {
  status: "draft" | "submitted" | "returned" | "accepted";
  late: boolean;
}

/** The state of an owed report from its submission (or none), its deadline and the time now. */
export function reportState(
  submission: SubmissionFacts | undefined,
  dueAt: Date,
  now: Date,
): ReportState {
  const status = submission?.status;
  if (status === "submitted" || status === "accepted") return submission?.late ? "late" : "onTime";
  if (status === "returned") return "returned";
  return now.getTime() > dueAt.getTime() ? "missing" : "pending";
}

/**
 * Reporting rates as DHIS2 counts them: reports expected (owed for periods that have ended),
 * received (on time plus late), and the rest by state. Rates are received/expected and
 * onTime/expected; undefined when nothing is expected.
 */
export interface ReportingTally {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  returned: number;
  missing: number;
  pending: number;
}

/** An empty tally. */
export function emptyTally(): ReportingTally {
  return { expected: 0, received: 0, onTime: 0, late: 0, returned: 0, missing: 0, pending: 0 };
}

/** Counts report states into a tally. */
export function tallyStates(states: Iterable<ReportState>): ReportingTally {
  const tally = emptyTally();
  for (const state of states) addState(tally, state);
  return tally;
}

/** Adds one owed report's state to a tally (in place). */
export function addState(tally: ReportingTally, state: ReportState): void {
  tally.expected += 1;
  tally[state] += 1;
  if (state === "onTime" || state === "late") tally.received += 1;
}

/** Whole percent of expected reports, rounded down (2 of 3 → 66); undefined when none is expected. */
export function ratePercent(part: number, tally: ReportingTally): number | undefined {
  return tally.expected === 0 ? undefined : Math.floor((100 * part) / tally.expected);
}
