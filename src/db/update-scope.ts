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
  scope.getStore()?.read.set(`${namespace}\u0000${key}`, JSON.stringify(value ?? null));
}

/** Whether writing `value` would store exactly what this update read (so the write can be skipped). */
export function isUnchanged(namespace: string, key: string, value: unknown): boolean {
  const before = scope.getStore()?.read.get(`${namespace}\u0000${key}`);
  if (before === undefined) return false;
  const after = JSON.stringify(value ?? null);
  // jsonb hands a value back with its keys in its own order, not in the order they were written:
  // the texts of an unchanged conversation state differ, so they are compared as values.
  return before === after || sameJson(JSON.parse(before), JSON.parse(after));
}

/** Deep equality of two parsed JSON values, whatever the order of their objects' keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => Object.hasOwn(y, k) && sameJson(x[k], y[k]));
}
