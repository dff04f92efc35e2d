// What the current update already read of the database (one statement as it arrived), so the
// session, conversation and cache readers need no statement of their own, and writers can skip a
// value that did not change. Async-local: updates handled at once never see each other's.
import { AsyncLocalStorage } from "node:async_hooks";
import type { UpdateState } from "./repositories/update-state.ts";

interface Scope {
  state: UpdateState;
  chatKey: string | undefined;
  /** JSON of each state value as read, by namespace and key, to skip writing it back unchanged. */
  read: Map<string, string>;
}

const scope = new AsyncLocalStorage<Scope>();

/** Runs the rest of an update with what its first statement read. */
export function withUpdateState<T>(
  state: UpdateState,
  chatKey: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  return scope.run({ state, chatKey, read: new Map() }, work);
}

/** The current update's state, or undefined outside an update (jobs, tests). */
export function currentUpdateState(): UpdateState | undefined {
  return scope.getStore()?.state;
}

const PREFETCHED: Record<string, "session" | "conversation"> = {
  session: "session",
  conversation: "conversation",
};

/** A bot-state value the update read already: { value } when it did, undefined when it must be queried. */
export function prefetchedValue(namespace: string, key: string): { value: unknown } | undefined {
  const current = scope.getStore();
  const field = PREFETCHED[namespace];
  if (!current || !field || current.chatKey !== key) return undefined;
  return { value: current.state[field] };
}

/** Remembers a value as read in this update. */
export function noteRead(namespace: string, key: string, value: unknown): void {
  scope.getStore()?.read.set(`${namespace}\u0000${key}`, canonicalJson(value));
}

/** Whether writing `value` would store exactly what this update read (so the write can be skipped). */
export function isUnchanged(namespace: string, key: string, value: unknown): boolean {
  const before = scope.getStore()?.read.get(`${namespace}\u0000${key}`);
  return before !== undefined && before === canonicalJson(value);
}

/**
 * JSON with every object's keys in sorted order. Why: jsonb hands a value back with its keys in
 * its own order, not in the order they were written, so the plain texts of an unchanged state
 * differ; compared in this form they do not, and no parse is needed to tell.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? "null";
}

/** JSON.stringify's output with sorted keys; undefined where it leaves a value out. */
function canonical(value: unknown): string | undefined {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === "function") return canonical(withToJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item) ?? "null").join(",")}]`;
  const record = value as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = canonical(record[key]);
    if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${fields.join(",")}}`;
}

/** Equality of two JSON values, whatever the order of their objects' keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
