// The embedded database's folder: checked before PGlite opens it, so a problem gets a sentence that
// names the folder instead of PGlite's "failed to initialize properly".
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DataFolderError } from "./errors.ts";

const NOT_WRITABLE = new Set(["EACCES", "EPERM", "EROFS"]);

/** Creates the folder if missing and makes sure this process can write in it and to its files. */
export function ensureWritableFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-check-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
    // A folder can be writable while the database files in it are not (copied in as another user).
    for (const file of ["PG_VERSION", join("global", "pg_control")]) {
      const path = join(dataDir, file);
      if (existsSync(path)) accessSync(path, constants.R_OK | constants.W_OK);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !NOT_WRITABLE.has(code)) throw error;
    throw new DataFolderError(
      dataDir,
      "readOnly",
      `The data folder ${dataDir} is read-only for this process (${code}): the embedded database ` +
        "must write there. Mount it read-write and let the bot's user own it, or set DATABASE_URL.",
    );
  }
}
