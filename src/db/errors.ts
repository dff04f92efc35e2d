/**
 * A DATABASE_URL the application cannot use. Neither the message nor the error holds the URL: it
 * may carry a password, and a logged error prints its own fields. Only a scheme is named.
 */
export class DatabaseUrlError extends Error {
  override readonly name = "DatabaseUrlError";
  /** The URL's scheme ("mysql:") when it has the shape scheme://…, else undefined. */
  readonly scheme: string | undefined;
  constructor(url: string) {
    const scheme = /^([a-z][a-z0-9+.-]{0,19}:)\/\//i.exec(url)?.[1];
    const what =
      url === "pglite:"
        ? "pglite: needs a folder"
        : scheme
          ? `the scheme "${scheme}" is not supported`
          : "it is not a database URL";
    super(`${what}: use pglite:memory, pglite:<folder> or postgres://user:password@host:5432/db`);
    this.scheme = scheme;
  }
}

/** Why an embedded database folder cannot be used (see embedded-folder.ts). */
export type DataFolderProblem = "readOnly" | "inUse" | "emptied";

/** The embedded database's folder cannot be used as it is; the message says what to do. */
export class DataFolderError extends Error {
  override readonly name = "DataFolderError";
  constructor(
    readonly folder: string,
    readonly problem: DataFolderProblem,
    message: string,
  ) {
    super(message);
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

/**
 * Hides the password of every connection string in a message: from the ":" after the user name to
 * the last "@" before the host, so a password holding "@" or ":" does not leak in part either.
 */
export function redactUrl(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):\S*@(?=[^@\s]*(?:\s|$))/gi, "$1:***@");
}
