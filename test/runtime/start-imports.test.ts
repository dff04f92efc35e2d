// What a bot start loads: the heavy packages only some work needs (workbooks, charts, parsing a
// methodology text) are imported when that work comes, not on the static import graph of the
// entry points. Read from esbuild's metafile: every import, static or dynamic, of every module.
import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";
import { expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LATER = ["exceljs", "echarts", "@napi-rs/canvas", "yaml"];

/** The packages reachable from an entry point through static imports alone. */
async function staticPackages(entry: string): Promise<Set<string>> {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    // Resolved, never read: a package is reached when its path is imported.
    external: [...LATER, "@electric-sql/*", "@prisma/*", "pglite-prisma-adapter", "pg", "grammy"],
  });
  return reachable(metafile, entry);
}

function reachable(metafile: Metafile, entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.inputs[path]?.imports ?? []) {
      if (imported.kind === "dynamic-import" || imported.kind === "require-call") continue;
      if (imported.external) packages.add(imported.path);
      else visit(imported.path);
    }
  };
  visit(entry);
  return packages;
}

it("a bot start imports no workbook, chart or YAML package until it needs one", async () => {
  const packages = await staticPackages("src/main.ts");
  // The check sees the imports that are there: the bot's own database packages are static.
  expect([...packages]).toEqual(expect.arrayContaining(["grammy", "pg"]));
  for (const name of LATER) expect([...packages].filter((p) => p.startsWith(name))).toEqual([]);
}, 60_000);

it("a bot start imports no schema engine until its database needs migrating", async () => {
  const packages = await staticPackages("src/main.ts");
  expect([...packages].filter((p) => p.startsWith("@prisma/schema-engine-wasm"))).toEqual([]);
}, 60_000);
