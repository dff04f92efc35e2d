import type { Prisma, PrismaClient } from "../generated/client.ts";

/** The Prisma client or a transaction on it. */
export type Client = PrismaClient | Prisma.TransactionClient;

/** JSON the repositories accept and return (what survives JSON.stringify). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Casts plain JSON for a Prisma Json column (null is stored as JSON null, not SQL NULL). */
export function toJsonInput(value: unknown): Prisma.InputJsonValue {
  return (value ?? null) as Prisma.InputJsonValue;
}

/** Telegram ids fit in 53 bits, so they leave the database as plain numbers. */
export function fromBigInt(value: bigint): number {
  return Number(value);
}

function errorCodes(error: unknown): { code?: string; sqlState?: string } {
  if (typeof error !== "object" || error === null) return {};
  const e = error as {
    code?: unknown;
    severity?: unknown;
    meta?: {
      code?: unknown;
      driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } };
    };
  };
  const cause = e.meta?.driverAdapterError?.cause;
  // A plain statement's error (sql.ts) is the driver's own: its code is the SQLSTATE.
  const driverState = typeof e.severity === "string" ? e.code : undefined;
  const sqlState = [e.meta?.code, cause?.originalCode, cause?.code, driverState].find(
    (c) => typeof c === "string",
  );
  return {
    code: typeof e.code === "string" ? e.code : undefined,
    sqlState: sqlState as string | undefined,
  };
}

/** A UNIQUE or PRIMARY KEY violation, from a model call or raw SQL. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, sqlState } = errorCodes(error);
  return code === "P2002" || sqlState === "23505";
}

/** A CHECK constraint violation. */
export function isCheckViolation(error: unknown): boolean {
  const { code, sqlState } = errorCodes(error);
  return sqlState === "23514" || (code === "P2010" && String(error).includes("check constraint"));
}

/** A foreign key violation. */
export function isForeignKeyViolation(error: unknown): boolean {
  const { code, sqlState } = errorCodes(error);
  return code === "P2003" || sqlState === "23503";
}

/** Serialization failures and deadlocks: safe to retry the whole transaction. */
export function isRetryableConflict(error: unknown): boolean {
  const { code, sqlState } = errorCodes(error);
  return code === "P2034" || sqlState === "40001" || sqlState === "40P01";
}

/** Runs a transaction, retrying it a few times when PostgreSQL reports a conflict or deadlock. */
export async function transact<T>(
  prisma: PrismaClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(work, { maxWait: 10_000, timeout: 30_000 });
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
    }
  }
}
