// The order test files start in (vitest sequence.sequencer). Vitest's own order runs the projects
// one after the other and, without its results cache (a fresh clone, CI), larger files first
// within each: the end-to-end files that run longest (minutes of kills, restarts and Bot API
// retry waits) then start near the end of the run and finish alone. They start first here, so
// the short files fill the other worker meanwhile.
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The files that take longest (their own wall time, 15–50 s), longest first. */
const LONGEST_FIRST = [
  "test/e2e/kill-loop-embedded.test.ts",
  "test/e2e/kill-loop-postgres.test.ts",
  "test/e2e/embedded-database.test.ts",
  "test/db/migrations.test.ts",
  "test/e2e/production.test.ts",
  "test/e2e/bot-api-faults.test.ts",
  "test/e2e/outbox-delivery.test.ts",
  "test/e2e/broadcast-crashes-postgres.test.ts",
  "test/delivery/outbox-sender.test.ts",
  "test/e2e/broadcast-crashes-embedded.test.ts",
];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(relative(this.ctx.config.root, file.moduleId));
      return index === -1 ? LONGEST_FIRST.length : index;
    };
    // A stable sort: the other files keep vitest's order (projects together, so a worker that
    // imported a project's sources once goes on with the next file of the same project).
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
