// The bot and the commands as plain JavaScript for the processes tests start. Under `--import tsx`
// every process resolves and transforms some 280 TypeScript files through a loader thread before
// it runs a line (three seconds of CPU here, for each of the hundreds of starts a run makes); the
// global setup bundles the same sources once with esbuild (what tsx transforms with) instead.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The entry points tests run as processes, by their path in the repository. */
export const PROCESS_ENTRIES = [
  "src/main.ts",
  "src/cli/admin.ts",
  "src/cli/db.ts",
  "src/cli/export.ts",
  "src/cli/import.ts",
] as const;

/** An entry point's name: src/cli/admin.ts → admin. */
const nameOf = (entry: string) => entry.replace(/^.*\//, "").replace(/\.ts$/, "");

/** The bundled file of an entry point (src/cli/admin.ts → <dir>/admin/admin.mjs). */
export function bundledEntry(dir: string, entry: string): string {
  return join(dir, nameOf(entry), `${nameOf(entry)}.mjs`);
}

/**
 * Packages loaded from node_modules rather than bundled: those that find files beside themselves
 * (WebAssembly, fonts, native modules, worker scripts: PGlite, Prisma, canvas, pino, node-cron),
 * the tools, pg, which @prisma/adapter-pg loads too (one copy), and grammy, which the bot's fetch
 * (src/bot/retrying-fetch.ts, node-fetch from node_modules) serves: bundled, its calls after getMe
 * never settle. The rest are bundled: Node reads one file instead of resolving and reading a
 * thousand (a bot starts on 0.5 s of CPU instead of 1.3 s).
 */
const UNBUNDLED = [
  "@electric-sql/*",
  "pglite-prisma-adapter",
  "@prisma/*",
  "prisma",
  "@napi-rs/*",
  "dejavu-fonts-ttf",
  "pino",
  "node-cron",
  "pg",
  "pg-*",
  "grammy",
  "esbuild",
  "tsx",
];

/**
 * Each module keeps its own import.meta.url (the sources find locales, migrations, methodology
 * files and the table worker beside themselves), but for the bundle's entry point: a command runs
 * its main only when it is the script Node was started with, so one bundle per entry point, and
 * admin's bundle never runs the import command it includes.
 */
function sourceUrls(entry: string): Plugin {
  return {
    name: "source-urls",
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const text = await readFile(args.path, "utf8");
        if (args.path === entry || !text.includes("import.meta.url")) return undefined;
        const url = JSON.stringify(pathToFileURL(args.path).href);
        return { contents: text.replaceAll("import.meta.url", url), loader: "ts" };
      });
    },
  };
}

/**
 * Bundles each entry point into a new folder under node_modules/.cache, where Node finds the
 * packages left out; returns the folder.
 */
export async function buildProcessBundle(): Promise<string> {
  const cache = join(ROOT, "node_modules/.cache/adaldyq-tests");
  mkdirSync(cache, { recursive: true });
  removeAbandonedBundles(cache);
  const dir = mkdtempSync(join(cache, "bundle-"));
  // Readable by the user nobody, as which one test starts the bot.
  chmodSync(dir, 0o755);
  await Promise.all(
    PROCESS_ENTRIES.map((entry) =>
      build({
        absWorkingDir: ROOT,
        entryPoints: [join(ROOT, entry)],
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        external: UNBUNDLED,
        // The CommonJS packages bundled in call require (Node's modules).
        banner: {
          js: 'import { createRequire as bundleRequire } from "node:module"; const require = bundleRequire(import.meta.url);',
        },
        // What the sources import lazily (exceljs, the charts, the schema engine) goes into
        // chunks of its own, read when first used rather than parsed at every start.
        splitting: true,
        outdir: join(dir, nameOf(entry)),
        outExtension: { ".js": ".mjs" },
        logLevel: "warning",
        plugins: [sourceUrls(join(ROOT, entry))],
      }),
    ),
  );
  return dir;
}

/** Removes a folder buildProcessBundle made. */
export function removeProcessBundle(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Bundles a killed run left behind (a day old: no run lasts that long). */
function removeAbandonedBundles(cache: string): void {
  for (const entry of readdirSync(cache)) {
    const path = join(cache, entry);
    if (entry.startsWith("bundle-") && Date.now() - statSync(path).mtimeMs > 86_400_000) {
      removeProcessBundle(path);
    }
  }
}
