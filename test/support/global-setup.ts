// Runs once per project before its test files (vitest globalSetup): makes the migrated templates
// the files copy their databases from (see scratch-database.ts).
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../src/db/index.ts";
import { buildProcessBundle, removeProcessBundle } from "./bundle.ts";
import { type PostgresServer, postgresAvailable, startPostgres } from "./postgres.ts";
import { ensurePgliteTemplate } from "./template-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A closed, migrated PGlite data folder to copy. */
    pgliteTemplate: string;
    /** The run's PostgreSQL server and its migrated template database (db project only). */
    postgres: { adminUrl: string; template: string } | undefined;
    /** The bot and the commands bundled for the processes tests start (e2e project only). */
    processBundle: string | undefined;
  }
}

const POSTGRES_TEMPLATE = "adaldyq_template";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  project.provide("pgliteTemplate", await ensurePgliteTemplate());
  const bundle = project.name === "e2e" ? await buildProcessBundle() : undefined;
  project.provide("processBundle", bundle);
  let server: PostgresServer | undefined;
  // The end-to-end tests start their own server where they need one (two-instances).
  if (project.name === "db" && postgresAvailable()) {
    server = await startPostgres();
    const url = await server.createDatabase(POSTGRES_TEMPLATE);
    await migrateDatabase(url);
    project.provide("postgres", { adminUrl: server.adminUrl, template: POSTGRES_TEMPLATE });
  } else {
    project.provide("postgres", undefined);
  }
  return async () => {
    await server?.stop();
    if (bundle) removeProcessBundle(bundle);
  };
}
