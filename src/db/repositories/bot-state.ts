import type { PrismaClient } from "../generated/client.ts";
import type { SqlRunner } from "../sql.ts";
import { isUnchanged, noteRead, prefetchedValue } from "../update-scope.ts";
import { toJsonInput } from "./shared.ts";

/** Structurally a grammY StorageAdapter (without importing grammY). */
export interface KeyValueStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Sessions, conversation state and update de-duplication. */
export function createBotStateRepository(prisma: PrismaClient, sql: SqlRunner) {
  return {
    /** A storage for one namespace ("session", "conversations", …); values must be JSON. */
    storage<T>(namespace: string): KeyValueStorage<T> {
      return {
        async read(key) {
          const prefetched = prefetchedValue(namespace, key);
          const value = prefetched
            ? (prefetched.value as T | undefined)
            : ((await prisma.botState.findUnique({ where: { namespace_key: { namespace, key } } }))
                ?.value as T | undefined);
          noteRead(namespace, key, value);
          return value;
        },
        async write(key, value) {
          // Most updates change nothing here (a form step rewinds its conversation to the loop).
          if (isUnchanged(namespace, key, value)) return;
          noteRead(namespace, key, value);
          // Plain SQL (sql.ts): a conversation's state changes with nearly every update.
          await sql.query(
            `INSERT INTO bot_state (namespace, key, value, updated_at)
             VALUES ($1::text, $2::text, $3::text::jsonb, $4::timestamptz)
             ON CONFLICT (namespace, key)
             DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
            [namespace, key, JSON.stringify(value ?? null), new Date()],
          );
        },
        async delete(key) {
          if (isUnchanged(namespace, key, undefined)) return;
          noteRead(namespace, key, undefined);
          // Plain SQL: every report's entry ends by dropping its conversation's state.
          await sql.query("DELETE FROM bot_state WHERE namespace = $1::text AND key = $2::text", [
            namespace,
            key,
          ]);
        },
      };
    },

    /**
     * Replaces a stored value only while it still equals `expected` (compare-and-set): true for the
     * one caller that changed it, false for everyone who came second.
     */
    async replaceIf<T>(namespace: string, key: string, expected: T, next: T): Promise<boolean> {
      const { count } = await prisma.botState.updateMany({
        where: { namespace, key, value: { equals: toJsonInput(expected) } },
        data: { value: toJsonInput(next), updatedAt: new Date() },
      });
      return count === 1;
    },

    async markUpdateProcessed(updateId: number, botId = 0): Promise<boolean> {
      const { count } = await prisma.processedUpdate.createMany({
        data: [{ updateId: BigInt(updateId), botId: BigInt(botId) }],
        skipDuplicates: true,
      });
      return count === 1;
    },

    /** Forgets update ids recorded before a time (Telegram redelivers within a day at most). */
    async pruneProcessedUpdates(before: Date): Promise<number> {
      const { count } = await prisma.processedUpdate.deleteMany({
        where: { processedAt: { lt: before } },
      });
      return count;
    },
  };
}
