import { type CalendarLang, formatPeriodLabel } from "../calendar/format.ts";
import { formatPoints } from "../points.ts";
import type { Translate } from "../problems.ts";
import type { Change, ChangedItem, ItemName, Section, VersionDiff } from "./diff.ts";
import type { IndicatorDef, RuleSpec } from "./types.ts";

// Rule parameters that are not points: counts of steps, views, and yes/no switches.
const COUNT_PARAMS = new Set(["minSteps", "maxHalfPercents", "reachViews"]);
const FLAG_PARAMS = new Set(["cumulative", "additive"]);

type Words = { t: Translate; lang: CalendarLang };

const d = (w: Words, key: string, params?: Record<string, unknown>) =>
  w.t(`methodology:diff.${key}`, params);

/** "4.2.3 «Ежемесячные обучающие мероприятия»": how a line names an item. */
function nameOf(item: ItemName, w: Words): string {
  return `${item.number} «${item.shortTitle[w.lang]}»`;
}

function brackets(value: unknown): string {
  const list = value as { upTo: number | null; points: number }[];
  let from = 0;
  return list
    .map((b) => {
      const span = b.upTo === null ? `${from}+` : from === b.upTo ? `${from}` : `${from}–${b.upTo}`;
      from = (b.upTo ?? from) + 1;
      return `${span}: ${formatPoints(b.points)}`;
    })
    .join("; ");
}

/** A rule parameter's value in words: points with a decimal comma, yes/no, counts, brackets. */
function paramValue(param: string, value: unknown, w: Words): string {
  if (value === undefined) return d(w, "none");
  if (param === "brackets") return brackets(value);
  if (FLAG_PARAMS.has(param)) return d(w, value ? "yes" : "no");
  if (COUNT_PARAMS.has(param)) return String(value);
  return formatPoints(value as number);
}

// Parameters at these values say nothing a reader needs in a rule's description.
const QUIET: Readonly<Record<string, unknown>> = {
  minSteps: 0,
  cumulative: false,
  additive: false,
};

/** A whole rule: «баллы за каждые 10 %»: за каждые 10 % — 0,3; … */
export function describeRule(rule: RuleSpec, w: Words): string {
  const params = Object.entries(rule)
    .filter(([param, value]) => param !== "kind" && QUIET[param] !== value)
    .map(([param, value]) => `${d(w, `params.${param}`)} — ${paramValue(param, value, w)}`);
  return `«${d(w, `rules.${rule.kind}`)}»: ${params.join("; ")}`;
}

const list = (values: readonly string[], key: string, w: Words) =>
  values.map((v) => d(w, `${key}.${v}`)).join(", ");

const quoted = (text: string) => `«${text}»`;

/** One change as a line: "за каждую единицу: 2 → 3". */
function describeChange(change: Change, w: Words): string {
  const arrow = (what: string, from: string, to: string) => d(w, "change", { what, from, to });
  const variant = (text: string, name?: string) =>
    name === undefined ? text : `${d(w, "variant", { name })}: ${text}`;
  switch (change.field) {
    case "title":
    case "shortTitle":
    case "question":
      return arrow(
        d(w, `fields.${change.field}.${change.lang}`),
        quoted(change.from),
        quoted(change.to),
      );
    case "number":
    case "task":
      return arrow(d(w, `fields.${change.field}`), change.from, change.to);
    case "period":
      return arrow(
        d(w, "fields.period"),
        d(w, `periods.${change.from}`),
        d(w, `periods.${change.to}`),
      );
    case "input":
      return arrow(
        d(w, "fields.input"),
        d(w, `inputs.${change.from}`),
        d(w, `inputs.${change.to}`),
      );
    case "appliesTo":
      return arrow(
        d(w, "fields.appliesTo"),
        list(change.from, "bodies", w),
        list(change.to, "bodies", w),
      );
    case "countsOver":
      return arrow(
        d(w, "fields.countsOver"),
        change.from ? d(w, `countsOver.${change.from}`) : d(w, "none"),
        change.to ? d(w, `countsOver.${change.to}`) : d(w, "none"),
      );
    case "reading":
      return arrow(d(w, "fields.reading"), change.from ?? d(w, "none"), change.to ?? d(w, "none"));
    case "cap":
      return arrow(
        d(w, "fields.cap"),
        paramValue("cap", change.from, w),
        paramValue("cap", change.to, w),
      );
    case "rule":
      return variant(
        arrow(d(w, "fields.rule"), describeRule(change.from, w), describeRule(change.to, w)),
        change.variant,
      );
    case "param":
      return variant(
        arrow(
          d(w, `params.${change.param}`),
          paramValue(change.param, change.from, w),
          paramValue(change.param, change.to, w),
        ),
        change.variant,
      );
    case "variantAdded":
      return d(w, "variantAdded", { name: change.variant, rule: describeRule(change.rule, w) });
    case "variantRemoved":
      return d(w, "variantRemoved", { name: change.variant });
    case "rulebookReadings":
      return [
        d(w, "fields.rulebookReadings"),
        ...change.to.map((reading) => `    · ${reading[w.lang]}`),
      ].join("\n");
  }
}

/** An added indicator: its name, title and how it is scored. */
function describeIndicator(def: IndicatorDef, w: Words): string[] {
  const facts = [
    d(w, `periods.${def.period}`),
    list(def.appliesTo, "bodies", w),
    `${d(w, "fields.input")}: ${d(w, `inputs.${def.input}`)}`,
    ...(def.countsOver
      ? [`${d(w, "fields.countsOver")}: ${d(w, `countsOver.${def.countsOver}`)}`]
      : []),
    ...(def.cap === undefined ? [] : [`${d(w, "fields.cap")}: ${formatPoints(def.cap)}`]),
  ];
  return [
    `+ ${nameOf(def, w)} — ${def.title[w.lang]}`,
    `  ${facts.join("; ")}`,
    `  ${d(w, "fields.rule")}: ${describeRule(def.rule, w)}`,
    ...Object.entries(def.variants).map(
      ([name, v]) => `  ${d(w, "variant", { name })}: ${describeRule(v.rule, w)}`,
    ),
  ];
}

function describeSection<T extends ItemName>(
  section: Section<T>,
  kind: "projects" | "tasks" | "indicators",
  w: Words,
  added: (item: T) => string[],
): string[] {
  const lines: string[] = [];
  const head = (what: string, count: number) => d(w, `sections.${kind}.${what}`, { count });
  if (section.added.length > 0) {
    lines.push("", head("added", section.added.length));
    for (const item of section.added) lines.push(...added(item));
  }
  if (section.removed.length > 0) {
    lines.push("", head("removed", section.removed.length));
    for (const item of section.removed) lines.push(`− ${nameOf(item, w)}`);
  }
  if (section.changed.length > 0) {
    lines.push("", head("changed", section.changed.length));
    for (const item of section.changed as ChangedItem<T>[]) {
      lines.push(`• ${nameOf(item.after, w)}`);
      for (const change of item.changes) lines.push(`  – ${describeChange(change, w)}`);
    }
  }
  return lines;
}

/**
 * The differences of two versions in words, in the reader's language: added, removed and changed
 * projects, tasks and indicators, each named by the methodology's numbering and short title.
 */
export function describeDiff(diff: VersionDiff, t: Translate, lang: CalendarLang): string[] {
  const w: Words = { t, lang };
  const lines = [
    d(w, "header", {
      to: diff.to.id,
      toFrom: formatPeriodLabel(diff.to.appliesFrom, lang),
      from: diff.from.id,
      fromFrom: formatPeriodLabel(diff.from.appliesFrom, lang),
    }),
  ];
  for (const change of diff.version) {
    if (change.field === "title") lines.push(describeChange(change, w));
  }
  lines.push(
    ...describeSection(diff.projects, "projects", w, (p) => [
      `+ ${nameOf(p, w)} — ${p.title[lang]}`,
    ]),
    ...describeSection(diff.tasks, "tasks", w, (task) => [
      `+ ${nameOf(task, w)} — ${task.title[lang]}`,
    ]),
    ...describeSection(diff.indicators, "indicators", w, (def) => describeIndicator(def, w)),
    "",
    d(w, "unchanged", { count: diff.unchanged }),
  );
  return lines;
}
