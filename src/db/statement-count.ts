// Counts the SQL statements a piece of work sends, by wrapping the driver adapter: what a test
// asserts for "statements per update" and what the update log reports. Async-local, so updates
// handled at the same time are counted apart.
import { AsyncLocalStorage } from "node:async_hooks";
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";

const tally = new AsyncLocalStorage<{ statements: number }>();

/** Runs `work` and counts the statements it sends (including BEGIN and COMMIT of transactions). */
export async function countStatements<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: number }> {
  const counter = { statements: 0 };
  // Awaited inside the run: Prisma's queries are lazy thenables that start when awaited.
  const result = await tally.run(counter, async () => await work());
  return { result, statements: counter.statements };
}

/** The statements counted so far in the current countStatements, or undefined outside one. */
export function statementsSoFar(): number | undefined {
  return tally.getStore()?.statements;
}

function count(n = 1): void {
  const counter = tally.getStore();
  if (counter) counter.statements += n;
}

/** Counts one statement sent past Prisma (see sql.ts). */
export function countStatement(): void {
  count();
}

function countingTransaction(tx: Transaction): Transaction {
  return new Proxy(tx, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (
        property === "queryRaw" ||
        property === "executeRaw" ||
        property === "commit" ||
        property === "rollback"
      ) {
        return (...args: unknown[]) => {
          count();
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}

function countingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw" || property === "executeScript") {
        return (...args: unknown[]) => {
          count();
          return value.apply(target, args);
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => {
          count(); // BEGIN
          return countingTransaction(await value.apply(target, args));
        };
      }
      return value.bind(target);
    },
  });
}

/** The adapter factory, its connections counting what they send. */
export function countingAdapterFactory<F extends SqlDriverAdapterFactory>(factory: F): F {
  return new Proxy(factory, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "connect" && typeof value === "function") {
        return async () => countingAdapter(await value.apply(target, []));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
