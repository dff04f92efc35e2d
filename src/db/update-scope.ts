// What the current update already read of the database (one statement as it arrived), so the
// session and conversation readers need no statement of their own, and writers can skip a value
// that did not change. Kept by chat, not async-local: a process handles one update of a chat at a
// time (sequentialize), and AsyncLocalStorage on Node 20 costs every promise of the process a hook.
import type { UpdateState } from "./repositories/update-state.ts";

interface Scope {
  state: UpdateState;
  /** Each state value as read (a copy the handler cannot touch), by namespace. */
  read: Map<string, unknown>;
}

const scopes = new Map<string, Scope>();

/** Runs the rest of a chat's update with what its first statement read. */
export async function withUpdateState<T>(
  state: UpdateState,
  chatKey: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (chatKey === undefined) return work();
  const scope: Scope = { state, read: new Map() };
  scopes.set(chatKey, scope);
  try {
    return await work();
  } finally {
    if (scopes.get(chatKey) === scope) scopes.delete(chatKey);
  }
}

const PREFETCHED: Record<string, "session" | "conversation"> = {
  session: "session",
  conversation: "conversation",
};

/** A bot-state value the chat's update read already: { value } when it did, undefined when it must be queried. */
export function prefetchedValue(namespace: string, key: string): { value: unknown } | undefined {
  const field = PREFETCHED[namespace];
  const scope = field ? scopes.get(key) : undefined;
  if (!scope || !field) return undefined;
  return { value: scope.state[field] };
}

/** Remembers a value of the chat `key` as read in its update. */
export function noteRead(namespace: string, key: string, value: unknown): void {
  if (!PREFETCHED[namespace]) return;
  scopes.get(key)?.read.set(namespace, value === undefined ? null : structuredClone(value));
}

/** Whether writing `value` would store exactly what the chat's update read (so the write can be skipped). */
export function isUnchanged(namespace: string, key: string, value: unknown): boolean {
  const read = scopes.get(key)?.read;
  return read?.has(namespace) === true && sameJson(read.get(namespace), value);
}

/**
 * Whether `value`, written as JSON, would store `stored` (a value read back from JSON), whatever
 * the order of their objects' keys: jsonb hands a value back with its keys in its own order. Walks
 * both without building any text (a conversation's state is compared on every update).
 */
export function sameJson(stored: unknown, value: unknown): boolean {
  const json = asJson(value);
  if (json === undefined) return stored === null;
  if (stored === null || typeof stored !== "object") return stored === json;
  if (json === null || typeof json !== "object") return false;
  if (Array.isArray(stored) || Array.isArray(json)) {
    if (!Array.isArray(stored) || !Array.isArray(json) || stored.length !== json.length)
      return false;
    return stored.every((item, i) => sameJson(item, json[i]));
  }
  const record = stored as Record<string, unknown>;
  let fields = 0;
  for (const [k, v] of Object.entries(json)) {
    if (asJson(v) === undefined) continue;
    fields++;
    if (!Object.hasOwn(record, k) || !sameJson(record[k], v)) return false;
  }
  return fields === Object.keys(record).length;
}

/** What JSON.stringify makes of a value before its fields: undefined where it leaves it out. */
function asJson(value: unknown): unknown {
  if (value === undefined || typeof value === "function" || typeof value === "symbol")
    return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") throw new TypeError("a BigInt is not JSON");
  const withToJson = value as { toJSON?: () => unknown } | null;
  if (withToJson !== null && typeof withToJson.toJSON === "function")
    return asJson(withToJson.toJSON());
  return value;
}
