// How tests start Node processes that run the TypeScript sources (the bot, the commands).

/**
 * `node` arguments before the script. The processes tests start live for seconds: V8's optimizing
 * WebAssembly tier (TurboFan) would spend more CPU recompiling PGlite's and the schema engine's
 * 14 MB of WebAssembly in the background than its faster code saves them, so they keep to the
 * baseline tier (Liftoff). Nothing else changes: the same code, just compiled once.
 */
export const TSX_NODE_ARGS = ["--liftoff-only", "--import", "tsx"];
