// Plain SQL on the database's own driver (node-postgres' pool, or the PGlite instance), for the few
// statements every update sends: Prisma spends more CPU turning a statement into a request and its
// answer back (even a raw one) than the driver spends on the round trip, and in a deadline rush the
// bot is CPU-bound. Counted like Prisma's statements (see statement-count.ts).
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { countStatement } from "./statement-count.ts";

/** One statement with $1… placeholders; resolves with its rows. */
export interface SqlRunner {
  query<T>(text: string, values: unknown[]): Promise<T[]>;
}

/**
 * On a node-postgres pool (the one Prisma's adapter uses too, so no extra connections). Each
 * statement is prepared once per connection under a name of its own, so the server parses and
 * plans it once instead of on every update.
 */
export function poolRunner(pool: pg.Pool): SqlRunner {
  const names = new Map<string, string>();
  return {
    async query<T>(text: string, values: unknown[]) {
      let name = names.get(text);
      if (name === undefined) {
        name = `adaldyq_${names.size + 1}`;
        names.set(text, name);
      }
      countStatement();
      return (await pool.query({ name, text, values })).rows as T[];
    },
  };
}

/** On PGlite, which queues it behind any transaction Prisma holds open. */
export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    async query<T>(text: string, values: unknown[]) {
      countStatement();
      return (await pglite.query<T>(text, values)).rows;
    },
  };
}
