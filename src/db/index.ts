export {
  type BackupResult,
  backupDatabase,
  type RestoreResult,
  restoreDatabase,
} from "./backup.ts";
export {
  DatabaseUrlError,
  DataFolderError,
  InvalidIndicatorValueError,
  MigrationError,
} from "./errors.ts";
export {
  createMigration,
  diffSchemaAgainstMigrations,
  type MigrationOptions,
  type MigrationStatus,
  migrateDatabase,
  migrationStatus,
} from "./migrations.ts";
export {
  type Database,
  type DatabaseTarget,
  defaultPgliteDir,
  openDatabase,
  parseDatabaseUrl,
} from "./open-database.ts";
export { createRepositories, type Repositories } from "./repositories/index.ts";
