import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where tests leave pictures for a reviewer to look at (gitignored). */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL("../../test-output/screenshots/", import.meta.url),
);

/** Saves a PNG under test-output/screenshots and returns its path. */
export function saveScreenshot(name: string, png: Buffer | Uint8Array): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name.endsWith(".png") ? name : `${name}.png`);
  writeFileSync(path, png);
  return path;
}
