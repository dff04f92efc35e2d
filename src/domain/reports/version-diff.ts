import type { ShareValue } from "../scoring/values.ts";
import { readExemptionClaim } from "./version-meta.ts";

/** The three kinds of event lines: Appendix 5's explanatory events and talks, Appendix 6's propaganda. */
export type EventKind = "explanatory" | "preventive" | "propaganda";

/** An event line as a version stores it (Appendix 5 and 6 rows). */
export interface EventContent {
  kind: EventKind;
  date: string;
  topic: string;
  participants: number;
  position?: string | null;
  audience?: string | null;
  link?: string | null;
  views?: number | null;
}

/** What a report version says: values by indicator id, event lines, evidence and its meta. */
export interface VersionContent {
  values: Readonly<Record<string, unknown>>;
  events: readonly EventContent[];
  evidence: readonly { type: string; link?: string | null }[];
  meta: unknown;
}

/** The event fields a correction may change while it stays the same event. */
export const EVENT_FIELDS = [
  "date",
  "topic",
  "participants",
  "position",
  "audience",
  "link",
  "views",
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** One difference between two versions of a report. */
export type VersionChange =
  | { type: "value"; indicatorId: string; before: unknown; after: unknown }
  | { type: "eventAdded"; event: EventContent }
  | { type: "eventRemoved"; event: EventContent }
  | {
      type: "eventChanged";
      before: EventContent;
      after: EventContent;
      fields: EventField[];
    }
  | { type: "files"; before: number; after: number }
  | { type: "linkAdded"; link: string }
  | { type: "linkRemoved"; link: string }
  | { type: "exemption"; before: boolean | undefined; after: boolean | undefined }
  | { type: "externalPlan"; before: ShareValue | undefined; after: ShareValue | undefined };

/** Deep equality of JSON-like values (what versions store). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) {
      return false;
    }
  }
  return true;
}

function changedFields(before: EventContent, after: EventContent): EventField[] {
  return EVENT_FIELDS.filter((field) => !sameValue(before[field], after[field]));
}

/**
 * Pairs the events of two versions: identical lines first; then lines of one kind with the same
 * date and topic (their other fields changed); then lines of one kind whose date is held by one
 * line only on each side (the topic was corrected). What stays unpaired was added or removed.
 */
function diffEvents(
  before: readonly EventContent[],
  after: readonly EventContent[],
): VersionChange[] {
  const left = [...before.keys()];
  const right = [...after.keys()];
  const pairs: [number, number][] = [];
  const pairUp = (match: (a: EventContent, b: EventContent) => boolean) => {
    for (const i of [...left]) {
      const at = right.findIndex((j) => match(before[i] as EventContent, after[j] as EventContent));
      if (at < 0) continue;
      pairs.push([i, right[at] as number]);
      left.splice(left.indexOf(i), 1);
      right.splice(at, 1);
    }
  };
  pairUp((a, b) => a.kind === b.kind && changedFields(a, b).length === 0);
  pairUp((a, b) => a.kind === b.kind && a.date === b.date && a.topic === b.topic);
  const onlyOne = (list: readonly EventContent[], ids: number[], e: EventContent) =>
    ids.filter((k) => list[k]?.kind === e.kind && list[k]?.date === e.date).length === 1;
  pairUp(
    (a, b) =>
      a.kind === b.kind &&
      a.date === b.date &&
      onlyOne(before, left, a) &&
      onlyOne(after, right, b),
  );
  const changes: VersionChange[] = [];
  for (const [i, j] of pairs.sort((x, y) => x[1] - y[1])) {
    const a = before[i] as EventContent;
    const b = after[j] as EventContent;
    const fields = changedFields(a, b);
    if (fields.length > 0) changes.push({ type: "eventChanged", before: a, after: b, fields });
  }
  for (const i of left) changes.push({ type: "eventRemoved", event: before[i] as EventContent });
  for (const j of right) changes.push({ type: "eventAdded", event: after[j] as EventContent });
  return changes;
}

function diffEvidence(before: VersionContent, after: VersionContent): VersionChange[] {
  const files = (v: VersionContent) => v.evidence.filter((e) => e.type !== "link").length;
  const links = (v: VersionContent) =>
    new Set(v.evidence.flatMap((e) => (e.type === "link" && e.link ? [e.link] : [])));
  const changes: VersionChange[] = [];
  if (files(before) !== files(after)) {
    changes.push({ type: "files", before: files(before), after: files(after) });
  }
  const [was, now] = [links(before), links(after)];
  for (const link of now) if (!was.has(link)) changes.push({ type: "linkAdded", link });
  for (const link of was) if (!now.has(link)) changes.push({ type: "linkRemoved", link });
  return changes;
}

/**
 * What a version changed against the one before it, in the order a reviewer reads: the
 * project-1 exemption, indicator by indicator (in the methodology's order, then any others),
 * event by event, then the evidence.
 */
export function diffVersions(
  before: VersionContent,
  after: VersionContent,
  indicatorOrder: readonly string[],
): VersionChange[] {
  const changes: VersionChange[] = [];
  const [claimBefore, claimAfter] = [
    readExemptionClaim(before.meta),
    readExemptionClaim(after.meta),
  ];
  if (claimBefore.exempt !== claimAfter.exempt) {
    changes.push({ type: "exemption", before: claimBefore.exempt, after: claimAfter.exempt });
  }
  if (!sameValue(claimBefore.externalPlan, claimAfter.externalPlan)) {
    changes.push({
      type: "externalPlan",
      before: claimBefore.externalPlan,
      after: claimAfter.externalPlan,
    });
  }
  const ids = new Set([...Object.keys(before.values), ...Object.keys(after.values)]);
  const ordered = [
    ...indicatorOrder.filter((id) => ids.has(id)),
    ...[...ids].filter((id) => !indicatorOrder.includes(id)).sort(),
  ];
  for (const id of ordered) {
    const [a, b] = [before.values[id], after.values[id]];
    if (!sameValue(a, b)) changes.push({ type: "value", indicatorId: id, before: a, after: b });
  }
  changes.push(...diffEvents(before.events, after.events));
  changes.push(...diffEvidence(before, after));
  return changes;
}
