import type {
  IndicatorDef,
  LocalizedText,
  MethodologyVersion,
  ProjectDef,
  RuleSpec,
  TaskDef,
} from "./types.ts";

/** How people name a project, task or indicator: the methodology's number and titles. */
export type ItemName = { number: string; title: LocalizedText; shortTitle: LocalizedText };

/** One difference of an item between two versions. */
export type Change =
  | { field: "title" | "shortTitle" | "question"; lang: "kk" | "ru"; from: string; to: string }
  | { field: "number"; from: string; to: string }
  | { field: "task"; from: string; to: string }
  | { field: "period" | "input"; from: string; to: string }
  | { field: "appliesTo"; from: readonly string[]; to: readonly string[] }
  | { field: "countsOver" | "reading"; from: string | undefined; to: string | undefined }
  | { field: "cap"; from: number | undefined; to: number | undefined }
  /** The whole rule (its kind changed), of the main reading or of a variant. */
  | { field: "rule"; variant?: string; from: RuleSpec; to: RuleSpec }
  /** One parameter of a rule of the same kind; points are hundredths. */
  | { field: "param"; variant?: string; param: string; from: unknown; to: unknown }
  | { field: "variantAdded"; variant: string; rule: RuleSpec }
  | { field: "variantRemoved"; variant: string }
  | { field: "rulebookReadings"; from: readonly LocalizedText[]; to: readonly LocalizedText[] };

export type ChangedItem<T> = { before: ItemName; after: T; changes: Change[] };

export type Section<T> = { added: T[]; removed: T[]; changed: ChangedItem<T>[] };

/** What changed from one version to the next, item by item, in methodology order. */
export type VersionDiff = {
  from: { id: string; appliesFrom: string };
  to: { id: string; appliesFrom: string };
  version: Change[];
  projects: Section<ProjectDef>;
  tasks: Section<TaskDef>;
  indicators: Section<IndicatorDef>;
  /** Indicators in both versions with nothing changed. */
  unchanged: number;
};

const LANGS = ["kk", "ru"] as const;

function textChanges(
  field: "title" | "shortTitle" | "question",
  from: LocalizedText | undefined,
  to: LocalizedText | undefined,
): Change[] {
  return LANGS.filter((lang) => from?.[lang] !== to?.[lang]).map((lang) => ({
    field,
    lang,
    from: from?.[lang] ?? "",
    to: to?.[lang] ?? "",
  }));
}

function nameChanges(before: ItemName, after: ItemName): Change[] {
  const changes: Change[] = [];
  if (before.number !== after.number)
    changes.push({ field: "number", from: before.number, to: after.number });
  changes.push(...textChanges("title", before.title, after.title));
  changes.push(...textChanges("shortTitle", before.shortTitle, after.shortTitle));
  return changes;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function ruleChanges(from: RuleSpec, to: RuleSpec, variant?: string): Change[] {
  const at = variant === undefined ? {} : { variant };
  if (from.kind !== to.kind) return [{ field: "rule", ...at, from, to }];
  const params = new Set([...Object.keys(from), ...Object.keys(to)]);
  params.delete("kind");
  const changes: Change[] = [];
  for (const param of params) {
    const a = (from as Record<string, unknown>)[param];
    const b = (to as Record<string, unknown>)[param];
    if (!same(a, b)) changes.push({ field: "param", ...at, param, from: a, to: b });
  }
  return changes;
}

function indicatorChanges(before: IndicatorDef, after: IndicatorDef, tasks: [string, string]) {
  const changes = nameChanges(before, after);
  if (tasks[0] !== tasks[1]) changes.push({ field: "task", from: tasks[0], to: tasks[1] });
  for (const field of ["period", "input"] as const) {
    if (before[field] !== after[field])
      changes.push({ field, from: before[field], to: after[field] });
  }
  if (!same([...before.appliesTo].sort(), [...after.appliesTo].sort()))
    changes.push({ field: "appliesTo", from: before.appliesTo, to: after.appliesTo });
  for (const field of ["countsOver", "reading"] as const) {
    if (before[field] !== after[field])
      changes.push({ field, from: before[field], to: after[field] });
  }
  if (before.cap !== after.cap) changes.push({ field: "cap", from: before.cap, to: after.cap });
  changes.push(...ruleChanges(before.rule, after.rule));
  for (const [variant, { rule }] of Object.entries(after.variants)) {
    const was = before.variants[variant];
    if (!was) changes.push({ field: "variantAdded", variant, rule });
    else changes.push(...ruleChanges(was.rule, rule, variant));
  }
  for (const variant of Object.keys(before.variants)) {
    if (!after.variants[variant]) changes.push({ field: "variantRemoved", variant });
  }
  if (!same(before.rulebookReadings, after.rulebookReadings)) {
    changes.push({
      field: "rulebookReadings",
      from: before.rulebookReadings,
      to: after.rulebookReadings,
    });
  }
  changes.push(...textChanges("question", before.question, after.question));
  return changes;
}

/** Items of two versions matched by id: added, removed, and changed (by `compare`) in the new order. */
function section<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  compare: (a: T, b: T) => Change[],
): Section<T> & { unchanged: number } {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const result: Section<T> & { unchanged: number } = {
    added: [],
    removed: before.filter((item) => !now.has(item.id)),
    changed: [],
    unchanged: 0,
  };
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) {
      result.added.push(item);
      continue;
    }
    const changes = compare(was, item);
    if (changes.length > 0)
      result.changed.push({ before: was as unknown as ItemName, after: item, changes });
    else result.unchanged++;
  }
  return result;
}

/** The task number of every indicator of a version, by indicator id. */
function taskNumbers(version: MethodologyVersion): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const project of version.projects)
    for (const task of project.tasks)
      for (const indicator of task.indicators) numbers.set(indicator.id, task.number);
  return numbers;
}

/** What changed from `before` to `after`: the version's own fields, projects, tasks and indicators. */
export function diffVersions(before: MethodologyVersion, after: MethodologyVersion): VersionDiff {
  const version: Change[] = [];
  if (before.appliesFrom !== after.appliesFrom)
    version.push({ field: "period", from: before.appliesFrom, to: after.appliesFrom });
  version.push(...textChanges("title", before.title, after.title));
  const oldTasks = taskNumbers(before);
  const newTasks = taskNumbers(after);
  const { unchanged, ...indicators } = section(before.indicators, after.indicators, (a, b) =>
    indicatorChanges(a, b, [oldTasks.get(a.id) ?? "", newTasks.get(b.id) ?? ""]),
  );
  const { unchanged: _p, ...projects } = section(before.projects, after.projects, nameChanges);
  const allTasks = (v: MethodologyVersion) => v.projects.flatMap((p) => p.tasks);
  const { unchanged: _t, ...tasks } = section(allTasks(before), allTasks(after), nameChanges);
  return {
    from: { id: before.id, appliesFrom: before.appliesFrom },
    to: { id: after.id, appliesFrom: after.appliesFrom },
    version,
    projects,
    tasks,
    indicators,
    unchanged,
  };
}

/** Whether two versions score, ask and name everything alike (only their ids and periods differ). */
export function isEmptyDiff(diff: VersionDiff): boolean {
  const empty = (s: Section<unknown>) =>
    s.added.length === 0 && s.removed.length === 0 && s.changed.length === 0;
  return (
    diff.version.every((c) => c.field === "period") &&
    empty(diff.projects) &&
    empty(diff.tasks) &&
    empty(diff.indicators)
  );
}
