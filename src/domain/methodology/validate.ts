import { INPUT_OF_RULE, type Methodology } from "./types.ts";

/** Thrown at load when the methodology data contradicts itself. */
export class MethodologyError extends Error {
  override readonly name = "MethodologyError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid methodology data:\n${problems.join("\n")}`);
  }
}

/** Every indicator id the scoring rulebook (SCORING.md) defines, in its order. */
export const SCORING_MD_IDS: readonly string[] = [
  ...["p1.t1.s1", "p1.t1.s2", "p1.t1.s3", "p1.t2.s1", "p1.t2.s2", "p1.t2.s3"],
  ...["p1.t3.s1", "p1.t3.s2", "p1.t3.s3", "p1.t3.risks", "p1.t4.s1", "p1.t5.s1"],
  ...["p2.t1.s1", "p2.t2.s1", "p2.t3.s1", "p2.t3.s2", "p2.t4.s1"],
  ...["p2.t5.s1", "p2.t5.s2", "p2.t5.s3", "p2.t5.s4", "p2.t5.s5"],
  "p3.t1.s1",
  ...Array.from({ length: 9 }, (_, i) => `p3.t2.s${i + 1}`),
  "p3.t3.s1",
  ...["p4.t1.s1", "p4.t1.s2", "p4.t2.s1", "p4.t2.s2", "p4.t2.s3", "p4.t2.s4", "p4.t3.s1"],
];

/** Lists what is wrong with methodology data; empty when it is consistent. */
export function checkMethodology(m: Methodology): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const note = (id: string, what: string) => problems.push(`${id}: ${what}`);
  const visit = (id: string, title: { kk: string; ru: string }, parent?: string) => {
    if (seen.has(id)) note(id, "duplicate id");
    seen.add(id);
    if (!title.kk.trim() || !title.ru.trim()) note(id, "empty title");
    if (parent && !id.startsWith(`${parent}.`)) note(id, `not under ${parent}`);
  };
  if (!/^\d{4}\.\d+$/.test(m.version)) note("version", `bad version ${m.version}`);
  for (const project of m.projects) {
    visit(project.id, project.title);
    for (const task of project.tasks) {
      visit(task.id, task.title, project.id);
      for (const ind of task.indicators) {
        visit(ind.id, ind.title, task.id);
        if (INPUT_OF_RULE[ind.rule.kind] !== ind.input) note(ind.id, "input does not fit the rule");
        if ((ind.input === "share") !== (ind.countsOver !== undefined)) {
          note(ind.id, "countsOver is for shares only, and every share needs it");
        }
        if (ind.appliesTo.length === 0) note(ind.id, "applies to no body");
      }
    }
  }
  for (const id of SCORING_MD_IDS) if (!seen.has(id)) note(id, "missing");
  return problems;
}
