import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** One file the Mini App is made of, ready to serve. */
export interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

/** The page, its script and its style sheet. */
export interface DashboardAssets {
  html: Asset;
  js: Asset;
  css: Asset;
}

const WEB_DIR = fileURLToPath(new URL("./web/", import.meta.url));

function asset(type: string, body: Buffer): Asset {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  return { type, body, gzip: gzipSync(body, { level: 9 }), etag };
}

/**
 * Bundles the Mini App from its TypeScript (src/dashboard/web) with esbuild, in memory, once at
 * start: the same chart definitions as the digest's PNGs, ECharts' parts they need, nothing
 * fetched from anywhere. The page holds no data and no secret; it asks the API for everything.
 */
export async function buildDashboardAssets(): Promise<DashboardAssets> {
  const result = await build({
    entryPoints: [`${WEB_DIR}main.ts`],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  const js = asset("text/javascript; charset=utf-8", Buffer.from(result.outputFiles[0]!.contents));
  const css = asset("text/css; charset=utf-8", await readFile(`${WEB_DIR}app.css`));
  const html = asset("text/html; charset=utf-8", Buffer.from(page(js.etag, css.etag), "utf8"));
  return { html, js, css };
}

function page(jsTag: string, cssTag: string): string {
  const version = (tag: string) => encodeURIComponent(tag.replaceAll('"', ""));
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>Adaldyq</title>
<link rel="stylesheet" href="app.css?v=${version(cssTag)}">
</head>
<body>
<main id="app" aria-live="polite"></main>
<script type="module" src="app.js?v=${version(jsTag)}"></script>
</body>
</html>
`;
}
