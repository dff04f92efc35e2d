// Reads a V8 .cpuprofile (node --cpu-prof) and tells where the busy time went: self time by module
// (the package under node_modules, the folder under src/, Node's own module, or V8's garbage
// collector), total time by module (samples whose stack passes through it), and the hottest
// functions by self time.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// Where a sample's time goes: the innermost frame of one of these (from the leaf up) decides.
const CENTRES: [string, RegExp][] = [
  [
    "database client (Prisma, pg, PGlite)",
    /^(@prisma\/|pg$|pg-|@electric-sql\/|pglite|src\/db\/generated|\(WebAssembly\))/,
  ],
  [
    "Bot API requests (grammY client, node-fetch)",
    /^(node-fetch|node:_http_client|node:_http_agent|src\/(bot|runtime)\/retrying-fetch)/,
  ],
  [
    "webhook HTTP server",
    /^(src\/(bot|runtime)\/http-server|node:_http_server|node:_http_incoming)/,
  ],
  ["i18next", /^i18next$/],
  ["conversations plugin", /^@grammyjs\/conversations$/],
  ["logging (pino)", /^(pino|pino-std-serializers|sonic-boom)$/],
  ["metrics (prom-client)", /^prom-client$/],
];

export interface ProfileSummary {
  /** Busy milliseconds (every sample but idle). */
  busyMs: number;
  idleMs: number;
  selfByModule: [string, number][];
  totalByModule: [string, number][];
  selfByFunction: [string, number][];
  /** Busy time by cost centre (CENTRES, garbage collection, everything else). */
  byCentre: [string, number][];
}

/** The module a frame belongs to, as people name it. */
export function moduleOf(frame: ProfileNode["callFrame"]): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName.startsWith("(")) return functionName;
    return "(native)";
  }
  // Prisma's query compiler, and PGlite when the bot runs on it.
  if (url.startsWith("wasm://")) return "(WebAssembly)";
  if (url.startsWith("node:")) {
    const parts = url.slice(5).split("/");
    return `node:${parts[0] === "internal" ? parts.slice(0, 2).join("/") : parts[0]}`;
  }
  const path = url.replace(/^file:\/\//, "");
  const inModules = path.lastIndexOf("/node_modules/");
  if (inModules !== -1) {
    const rest = path.slice(inModules + "/node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  const src = path.indexOf("/src/");
  if (src !== -1) {
    const file = path.slice(src + 1).replace(/\.ts$/, "");
    return file.startsWith("src/db/generated/") ? "src/db/generated (Prisma client)" : file;
  }
  const bench = path.indexOf("/bench/");
  if (bench !== -1) return path.slice(bench + 1);
  return path;
}

/** Summarises every .cpuprofile in a folder (one per process that exited). */
export function summariseProfiles(dir: string): ProfileSummary {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const functions = new Map<string, number>();
  const centres = new Map<string, number>();
  let busyMs = 0;
  let idleMs = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as Profile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parentOf = new Map<number, number>();
    for (const node of profile.nodes)
      for (const child of node.children ?? []) parentOf.set(child, node.id);
    // A node's modules up its stack, computed once per node.
    const stackModules = new Map<number, Set<string>>();
    const modulesOf = (id: number): Set<string> => {
      const known = stackModules.get(id);
      if (known) return known;
      const node = byId.get(id);
      const parent = parentOf.get(id);
      const set = new Set(parent === undefined ? [] : modulesOf(parent));
      if (node && node.callFrame.functionName !== "(root)") set.add(moduleOf(node.callFrame));
      stackModules.set(id, set);
      return set;
    };
    profile.samples.forEach((id, i) => {
      // Each delta is the time since the previous sample; the next one closes this sample.
      const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
      const node = byId.get(id);
      if (!node) return;
      if (node.callFrame.functionName === "(idle)") {
        idleMs += ms;
        return;
      }
      busyMs += ms;
      const module = moduleOf(node.callFrame);
      self.set(module, (self.get(module) ?? 0) + ms);
      for (const m of modulesOf(id)) total.set(m, (total.get(m) ?? 0) + ms);
      const centre = centreOf(id, byId, parentOf);
      centres.set(centre, (centres.get(centre) ?? 0) + ms);
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url
        ? ` ${url.replace(/^.*\/(node_modules|src|bench)\//, "$1/")}:${lineNumber + 1}`
        : "";
      const name = `${functionName || "(anonymous)"}${where}`;
      functions.set(name, (functions.get(name) ?? 0) + ms);
    });
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    busyMs,
    idleMs,
    selfByModule: sorted(self),
    totalByModule: sorted(total),
    selfByFunction: sorted(functions),
    byCentre: sorted(centres),
  };
}

function centreOf(
  id: number,
  byId: Map<number, ProfileNode>,
  parentOf: Map<number, number>,
): string {
  const leaf = byId.get(id);
  if (leaf?.callFrame.functionName === "(garbage collector)") return "garbage collection";
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const node = byId.get(at);
    if (!node) break;
    const module = moduleOf(node.callFrame);
    const found = CENTRES.find(([, pattern]) => pattern.test(module));
    if (found) return found[0];
  }
  return "everything else (grammY, the bot's own code, Node)";
}

/** The summary as lines: shares of the busy time. */
export function formatProfile(summary: ProfileSummary, top = 15): string[] {
  const pct = (ms: number) => `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)} %`;
  const lines = [
    `   CPU profile: ${(summary.busyMs / 1000).toFixed(1)} s busy, ${(summary.idleMs / 1000).toFixed(1)} s idle`,
    "   busy time by cost centre:",
    ...summary.byCentre.map(([c, ms]) => `     ${pct(ms)}  ${c}`),
    "   self time by module:",
    ...summary.selfByModule.slice(0, top).map(([m, ms]) => `     ${pct(ms)}  ${m}`),
    "   total time by module (stacks through it):",
    ...summary.totalByModule.slice(0, top).map(([m, ms]) => `     ${pct(ms)}  ${m}`),
    "   total time by file of src/ (stacks through it):",
    ...summary.totalByModule
      .filter(([m]) => m.startsWith("src/"))
      .slice(0, top)
      .map(([m, ms]) => `     ${pct(ms)}  ${m}`),
    "   hottest functions (self):",
    ...summary.selfByFunction.slice(0, top).map(([f, ms]) => `     ${pct(ms)}  ${f}`),
  ];
  return lines;
}
