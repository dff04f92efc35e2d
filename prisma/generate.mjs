// Runs `prisma generate` without letting the CLI look for (and try to download) a native schema engine:
// generate never runs the engine, it only checks that the path exists. See /work/shared/PRISMA_NOTES.md.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const placeholder = process.platform === "win32" ? process.execPath : "/bin/false";
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: existsSync(placeholder) ? placeholder : process.execPath,
};
const result = spawnSync(process.execPath, [cli, "generate", "--schema", "prisma/schema.prisma"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
