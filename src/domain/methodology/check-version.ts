import type { MethodologyProblem } from "./read-version.ts";
import type { MethodologyFile } from "./schema.ts";
import { INPUT_OF_RULE } from "./types.ts";

type FileIndicator = MethodologyFile["projects"][number]["tasks"][number]["indicators"][number];
type FileRule = FileIndicator["rule"];

/**
 * The monthly report (Appendix 5 and 6) is a fixed form: it fills these indicators, so every
 * version must keep them with a shape the form can score item by item.
 */
const MONTHLY_FORM: Record<string, { input: string; rules: readonly string[]; cap: boolean }> = {
  "p4.t2.s3": { input: "count", rules: ["perCount"], cap: true },
  "p4.t2.s4": { input: "count", rules: ["perCount"], cap: true },
  "p4.t3.s1": { input: "propaganda", rules: ["legalPropaganda"], cap: false },
};

function checkRule(rule: FileRule, input: string, at: string, note: Note): void {
  if (INPUT_OF_RULE[rule.kind] !== input)
    note(`${at}.kind`, "ruleDoesNotFitInput", { kind: rule.kind, input });
  if (rule.kind !== "countBrackets") return;
  rule.brackets.forEach((bracket, i) => {
    const last = i === rule.brackets.length - 1;
    const previous = rule.brackets[i - 1]?.upTo;
    if (bracket.upTo === null && !last) note(`${at}.brackets[${i}].upTo`, "openBracketNotLast");
    if (bracket.upTo !== null && last) note(`${at}.brackets[${i}].upTo`, "lastBracketNotOpen");
    if (bracket.upTo !== null && previous !== undefined && previous !== null) {
      if (bracket.upTo <= previous)
        note(`${at}.brackets[${i}].upTo`, "bracketsNotAscending", { previous });
    }
  });
}

type Note = (path: string, code: string, params?: Record<string, string | number>) => void;

function checkIndicator(d: FileIndicator, at: string, note: Note): void {
  checkRule(d.rule, d.input, `${at}.rule`, note);
  for (const [name, variant] of Object.entries(d.variants)) {
    if (name === (d.reading ?? "default")) note(`${at}.variants.${name}`, "variantIsTheReading");
    checkRule(variant.rule, d.input, `${at}.variants.${name}.rule`, note);
  }
  if (d.input === "share" && d.countsOver === undefined) note(`${at}.countsOver`, "required");
  if (d.input !== "share" && d.countsOver !== undefined)
    note(`${at}.countsOver`, "countsOverOnlyForShares");
  if (new Set(d.appliesTo).size !== d.appliesTo.length) note(`${at}.appliesTo`, "duplicate");
  const form = MONTHLY_FORM[d.id];
  if (!form) return;
  const rules = [d.rule, ...Object.values(d.variants).map((v) => v.rule)];
  const fits =
    d.period === "monthly" &&
    d.input === form.input &&
    rules.every((r) => form.rules.includes(r.kind)) &&
    (!form.cap || d.cap !== undefined);
  if (!fits) {
    const needs = ["period: monthly", `input: ${form.input}`, `rule: ${form.rules.join(" | ")}`];
    if (form.cap) needs.push("cap");
    note(at, "monthlyFormNeeds", { id: d.id, needs: needs.join(", ") });
  }
}

/** What the schema alone cannot see: unique ids, nesting, rules that fit their inputs, the monthly form. */
export function checkVersionFile(file: MethodologyFile): MethodologyProblem[] {
  const problems: MethodologyProblem[] = [];
  const note: Note = (path, code, params) =>
    problems.push(params ? { path, code, params } : { path, code });
  const seen = new Set<string>();
  const unique = (id: string, at: string) => {
    if (seen.has(id)) note(`${at}.id`, "duplicateId", { id });
    seen.add(id);
  };
  const nested = (child: { id: string; number: string }, parent: typeof child, at: string) => {
    if (!child.id.startsWith(`${parent.id}.`)) note(`${at}.id`, "notUnder", { parent: parent.id });
    if (!child.number.startsWith(`${parent.number}.`))
      note(`${at}.number`, "numberNotUnder", { parent: parent.number });
  };
  const present = new Set<string>();
  file.projects.forEach((project, p) => {
    const pAt = `projects[${p}]`;
    unique(project.id, pAt);
    project.tasks.forEach((task, t) => {
      const tAt = `${pAt}.tasks[${t}]`;
      unique(task.id, tAt);
      nested(task, project, tAt);
      task.indicators.forEach((d, i) => {
        const at = `${tAt}.indicators[${i}]`;
        unique(d.id, at);
        nested(d, task, at);
        checkIndicator(d, at, note);
        present.add(d.id);
      });
    });
  });
  for (const id of Object.keys(MONTHLY_FORM)) {
    if (!present.has(id)) note("projects", "monthlyFormMissing", { id });
  }
  return problems;
}
