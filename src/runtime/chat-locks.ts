import type { Context } from "grammy";
import pg from "pg";

/** Releases a held lock; never throws. */
export type ReleaseLock = () => Promise<void>;

/**
 * Serialises the handling of one chat across every bot process on the same PostgreSQL server,
 * for the updates that need it.
 *
 * Why: behind a webhook, Telegram sends a chat's updates one at a time — the next only after the
 * previous got its 200 — but a load balancer may hand consecutive ones to different processes.
 * An update is answered once handled, so the next cannot overtake it and needs no lock; one that
 * runs long (an import) is answered early, and takes the chat's lock BEFORE that answer. The next
 * update of the chat, on whichever process it lands, finds the lock taken in its first statement
 * (update-state.ts) and queues behind it here. In-process, a FIFO per chat comes first, so a
 * process never races itself for the database lock.
 *
 * How: a session advisory lock (pg_advisory_lock on a 64-bit hash of the key) held on a connection
 * of a small pool of its own — never on Prisma's pool, whose connections the handler itself needs
 * (holding one per waiting chat there could starve the handlers). A process that dies drops its
 * connections, and PostgreSQL drops their locks with them. Waits give up after `lockTimeoutMs`
 * (the update is refused with 503 and Telegram retries it).
 */
export interface ChatLocks {
  /** Waits for the key's lock (FIFO in this process, then across processes). */
  lock(key: string): Promise<ReleaseLock>;
  /** Runs work while holding a lock (e.g. "migrations" at start-up). */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ChatLockOptions {
  connectionString: string;
  /** Locks held at once by this process; more wait for a connection. Default 10. */
  connections?: number;
  lockTimeoutMs?: number;
}

// Prepared once per connection (named): every update takes and releases a lock.
const LOCK = "SELECT pg_advisory_lock(hashtextextended($1, 0))";
const UNLOCK = "SELECT pg_advisory_unlock(hashtextextended($1, 0))";

/** Advisory locks on a PostgreSQL server; see ChatLocks. */
export function createChatLocks(options: ChatLockOptions): ChatLocks {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.connections ?? 10,
    options: `-c lock_timeout=${options.lockTimeoutMs ?? 30_000}`,
  });
  // An idle pooled connection that breaks must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const local = createLocalLocks();

  const lock = async (key: string): Promise<ReleaseLock> => {
    const releaseLocal = await local.lock(key);
    let client: pg.PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query({ name: "chat_lock", text: LOCK, values: [key] });
    } catch (error) {
      client?.release(error instanceof Error ? error : true);
      await releaseLocal();
      throw error;
    }
    const held = client;
    return async () => {
      try {
        await held.query({ name: "chat_unlock", text: UNLOCK, values: [key] });
        held.release();
      } catch (error) {
        // Destroying the connection ends its session, which releases the lock just as well.
        held.release(error instanceof Error ? error : true);
      } finally {
        await releaseLocal();
      }
    };
  };

  return {
    lock,
    async withLock(key, work) {
      const release = await lock(key);
      try {
        return await work();
      } finally {
        await release();
      }
    },
    close: () => pool.end(),
  };
}

/** FIFO locks within this process only: enough when one process owns the database (PGlite). */
export function createLocalLocks(): Pick<ChatLocks, "lock"> {
  const tails = new Map<string, Promise<void>>();
  return {
    async lock(key) {
      const previous = tails.get(key) ?? Promise.resolve();
      let open!: () => void;
      const mine = new Promise<void>((resolve) => {
        open = resolve;
      });
      tails.set(key, mine);
      await previous;
      return async () => {
        // The last holder leaves no entry behind, so the map only holds chats being handled.
        if (tails.get(key) === mine) tails.delete(key);
        open();
      };
    },
  };
}

/** The key updates are serialised by: the chat, else the user (inline queries), else none. */
export function lockKeyOf(ctx: Pick<Context, "chatId" | "from">): string | undefined {
  if (ctx.chatId !== undefined) return `chat:${ctx.chatId}`;
  return ctx.from ? `user:${ctx.from.id}` : undefined;
}
