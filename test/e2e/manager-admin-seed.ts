// Seeds for the manager and admin end-to-end tests: bodies, people and scored reports.
import type { Repositories, SubmitInput } from "../../src/db/repositories/index.ts";
import { recomputeReportScores } from "../../src/services/report-scores.ts";
import { BOOK } from "../support/methodology.ts";
import { monthlyReport, seedBodies, seedPerson } from "../unit/services/fixtures.ts";

/** What the bot clock says in these tests: the October reports are being gathered. */
export const FAKE_NOW = "2026-11-20T09:00:00.000Z";
export const NOW = new Date(FAKE_NOW);

/** Submits a report and stores its points, as the report conversations do. */
export async function submitScored(repos: Repositories, input: SubmitInput): Promise<number> {
  const result = await repos.submissions.submit(input);
  if (!result.ok) throw new Error(`submit: ${result.reason}`);
  await recomputeReportScores(repos, BOOK, input, { now: input.at ?? NOW });
  return result.submission.id;
}

/** The bodies tree with a manager, commissioners and an admin, and October reports of two bodies. */
export async function seedManagerWorld(repos: Repositories) {
  const bodies = await seedBodies(repos);
  const manager = await seedPerson(repos, 3001, "manager", bodies.parent.id);
  const cityCommissioner = await seedPerson(repos, 3002, "commissioner", bodies.child.id);
  const otherCommissioner = await seedPerson(repos, 3003, "commissioner", bodies.sibling.id);
  const admin = await seedPerson(repos, 3004, "admin", null);
  const city = await submitScored(
    repos,
    monthlyReport(bodies.child.id, cityCommissioner.id, "2026-10", { at: NOW, explanatory: 2 }),
  );
  await repos.submissions.setStatus(city, {
    status: "accepted",
    reviewerUserId: admin.id,
    at: NOW,
  });
  await recomputeReportScores(
    repos,
    BOOK,
    { bodyId: bodies.child.id, kind: "monthly", periodKey: "2026-10" },
    { now: NOW },
  );
  await submitScored(
    repos,
    monthlyReport(bodies.sibling.id, otherCommissioner.id, "2026-10", { at: NOW, explanatory: 5 }),
  );
  return { ...bodies, manager, cityCommissioner, otherCommissioner, admin };
}
