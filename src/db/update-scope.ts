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
 * JSON with every object's keys sorted: jsonb hands a value back with its keys in its own order,
 * not in the order they were written, so a plain JSON.stringify of an unchanged conversation state
 * differs from the one read and every update would write it back.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
