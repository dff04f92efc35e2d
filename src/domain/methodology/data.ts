import { PROJECT_1 } from "./data-p1.ts";
import { PROJECT_2 } from "./data-p2.ts";
import { PROJECT_3 } from "./data-p3.ts";
import { PROJECT_4 } from "./data-p4.ts";
import type { Methodology } from "./types.ts";
import { checkMethodology, MethodologyError } from "./validate.ts";

/** The methodology as data: bump the version whenever a title, rule or parameter changes. */
export const METHODOLOGY: Methodology = {
  version: "2026.1",
  projects: [PROJECT_1, PROJECT_2, PROJECT_3, PROJECT_4],
};

// Refuse to load contradictory data rather than score with it.
const problems = checkMethodology(METHODOLOGY);
if (problems.length > 0) throw new MethodologyError(problems);
