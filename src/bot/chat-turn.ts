import type { Update } from "grammy/types";

/**
 * An update's claim on its chat across processes (webhook mode on a PostgreSQL server).
 *
 * Why: Telegram sends a chat's next update only after the previous one got its 200, and the
 * webhook answers once the update is handled, so most updates need no lock at all. One that runs
 * long is answered early, and from then on holds the chat's lock (`hold`); the next update of the
 * chat, on whichever process it lands, finds it taken in its first statement and waits for it.
 */
export interface ChatTurn {
  /** The lock's key ("chat:42"). */
  key: string;
  /** Whether this update holds the chat's lock (then its first statement need not test it). */
  readonly held: boolean;
  /** Takes the chat's lock, waiting for whoever holds it; once per update. */
  hold(): Promise<void>;
}

const turns = new WeakMap<Update, ChatTurn>();

/** Attaches a turn to an update before it is handled (runtime/run.ts). */
export function giveTurn(update: Update, turn: ChatTurn): void {
  turns.set(update, turn);
}

/** The update's turn, or undefined where updates need none (polling, the embedded database). */
export function turnOf(update: Update): ChatTurn | undefined {
  return turns.get(update);
}
