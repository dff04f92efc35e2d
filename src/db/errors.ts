/** A DATABASE_URL the application cannot use. */
export class DatabaseUrlError extends Error {
  override readonly name = "DatabaseUrlError";
  constructor(readonly url: string) {
    super(
      `Unsupported database URL "${redactUrl(url)}": use pglite:memory, pglite:<dir>, or postgres://…`,
    );
  }
}

/** Migrations could not be applied; the database was left as it was. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    message: string,
    readonly migrationName?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A value that failed its methodology schema reached the repository; callers must validate first. */
export class InvalidIndicatorValueError extends Error {
  override readonly name = "InvalidIndicatorValueError";
  constructor(
    readonly indicatorId: string,
    readonly problems: unknown,
  ) {
    super(`Indicator ${indicatorId} value rejected: ${JSON.stringify(problems)}`);
  }
}

/** Hides the password of a connection string in messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
