import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
} from "@prisma/driver-adapter-utils";
import type * as WasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "./open-database.ts";

export type SchemaEngine = WasmBindings.SchemaEngine;

// tsconfig's lib has no WebAssembly types; this is the one call used.
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

// The wasm glue is one module per process with one wasm instance, and it is not reentrant. A
// second copy of this file (vitest loads one per test project) must neither instantiate it again
// (that swaps the memory under the first) nor run an engine beside another: both corrupt strings.
// So the instance and the queue of engines live on the process, not on this module.
interface EngineProcessState {
  loaded?: Promise<typeof WasmBindings>;
  queue: Promise<unknown>;
}
const STATE_KEY = Symbol.for("adaldyq.schema-engine");
const processSlots = globalThis as Record<symbol, EngineProcessState | undefined>;
processSlots[STATE_KEY] ??= { queue: Promise.resolve() };
const processState = processSlots[STATE_KEY];

// The package's default entry imports a .wasm module, which Node refuses; instantiate it by hand.
// The glue is imported here, not at the top: a bundle hoists static imports of its externals.
function loadWasm(): Promise<typeof WasmBindings> {
  processState.loaded ??= (async () => {
    const wasmBindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = readFileSync(join(dirname(glue), "schema_engine_bg.wasm"));
    const { instance } = await (
      globalThis as unknown as { WebAssembly: WasmApi }
    ).WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": wasmBindings });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return wasmBindings;
  })();
  return processState.loaded;
}

/** What the engine connects to: the main database, and a throwaway in-memory PGlite as shadow. */
export interface EngineConnection {
  target: DatabaseTarget;
  /** The live embedded instance, when the target is PGlite and already open. */
  pglite?: PGlite;
}

/**
 * Runs `work` with a schema engine connected to the target. The shadow database is always an
 * in-memory PGlite: adapter-pg as shadow can replay onto the main database (see PRISMA_NOTES).
 */
export function withSchemaEngine<T>(
  connection: EngineConnection,
  schema: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const turn = processState.queue.then(() => runEngine(connection, schema, work));
  processState.queue = turn.catch(() => undefined);
  return turn;
}

async function runEngine<T>(
  connection: EngineConnection,
  schema: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasmBindings = await loadWasm();
  const owned: PGlite[] = [];
  const newPglite = async () => {
    const pglite = new PGlite("memory://");
    owned.push(pglite);
    await pglite.waitReady;
    return pglite;
  };
  const main = await mainFactory(connection, newPglite);
  const factory = bindMigrationAwareSqlAdapterFactory({
    adapterName: main.adapterName,
    provider: main.provider,
    connect: () => main.connect(),
    connectToShadowDb: async () => pgliteFactory(await newPglite()).connect(),
  });
  const exitCode = process.exitCode;
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    factory,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await main.dispose?.();
    for (const pglite of owned) await pglite.close();
    process.exitCode = exitCode;
  }
}

async function mainFactory(
  connection: EngineConnection,
  newPglite: () => Promise<PGlite>,
): Promise<{
  adapterName: string;
  provider: "postgres";
  connect: () => Promise<SqlDriverAdapter>;
  dispose?: () => Promise<void>;
}> {
  const { target } = connection;
  if (target.kind === "postgres") {
    // Our own pool, so it is ended even if the engine never disposes its adapter.
    const pool = new pg.Pool({ connectionString: target.connectionString, max: 2 });
    const adapter = new PrismaPg(pool);
    return {
      adapterName: adapter.adapterName,
      provider: "postgres",
      connect: async () => {
        const connected = await adapter.connect();
        // adapter-pg 7.10 splits scripts on ";" (breaking $$ bodies) and runs the pieces in autocommit;
        // one simple-protocol query runs the whole migration as one implicit transaction instead.
        connected.executeScript = (script: string) => runScript((sql) => pool.query(sql), script);
        return connected;
      },
      dispose: () => pool.end(),
    };
  }
  if (connection.pglite) return pgliteFactory(connection.pglite);
  if (target.dataDir !== undefined) throw new Error("Open the PGlite folder before migrating it");
  return pgliteFactory(await newPglite());
}

function pgliteFactory(pglite: PGlite) {
  const factory = new PrismaPGlite(pglite);
  return {
    adapterName: factory.adapterName,
    provider: "postgres" as const,
    connect: async () => {
      const adapter = await factory.connect();
      // pglite-prisma-adapter 0.7.2 does not await exec(): a failing migration would count as applied.
      adapter.executeScript = (script: string) => runScript((sql) => pglite.exec(sql), script);
      return adapter;
    },
  };
}

async function runScript(
  execute: (sql: string) => Promise<unknown>,
  script: string,
): Promise<void> {
  try {
    await execute(script);
  } catch (error) {
    const e = error as { code?: unknown; severity?: unknown; detail?: unknown; hint?: unknown };
    if (typeof e.code !== "string") throw error;
    throw new DriverAdapterError({
      kind: "postgres",
      code: e.code,
      severity: typeof e.severity === "string" ? e.severity : "ERROR",
      message: error instanceof Error ? error.message : String(error),
      detail: typeof e.detail === "string" ? e.detail : undefined,
      column: undefined,
      hint: typeof e.hint === "string" ? e.hint : undefined,
    });
  }
}
