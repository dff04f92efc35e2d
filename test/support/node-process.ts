// How tests start Node processes that run the bot and the commands.
import { bundledEntry } from "./bundle.ts";
import { provided } from "./provided.ts";

/**
 * `node` arguments before the script. The processes tests start live for seconds: V8's optimizing
 * WebAssembly tier (TurboFan) would spend more CPU recompiling PGlite's and the schema engine's
 * 14 MB of WebAssembly in the background than its faster code saves them, so they keep to the
 * baseline tier (Liftoff). Nothing else changes: the same code, just compiled once.
 */
export const TSX_NODE_ARGS = ["--liftoff-only", "--import", "tsx"];

/** The run's bundle of the entry points (e2e project's global setup); none in the benchmarks. */
function processBundle(): string | undefined {
  return provided("processBundle");
}

/**
 * `node` arguments that run an entry point (a path such as "src/cli/admin.ts", relative to the
 * repository, which must be the working directory): its bundle when the run made one, else the
 * source through tsx.
 */
export function nodeArgsFor(entry: string): string[] {
  const bundle = processBundle();
  if (bundle) return ["--liftoff-only", bundledEntry(bundle, entry)];
  return [...TSX_NODE_ARGS, entry];
}
