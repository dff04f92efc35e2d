import type { Repositories } from "../db/index.ts";
import type { AuditRecord } from "../db/repositories/audit.ts";
import { type AuditNames, auditReferences, type NamedBody } from "./audit-sentences.ts";

/** One page of the log, newest first, with the names its entries refer to. */
export interface AuditPage {
  entries: AuditRecord[];
  /** Whether entries older than the page's last exist. */
  hasOlder: boolean;
  names: AuditNames;
}

/** A page of the log before an entry id (the latest page when undefined). */
export async function loadAuditPage(
  repos: Repositories,
  options: { before?: number; size: number },
): Promise<AuditPage> {
  // One more than shown tells whether an older page exists.
  const found = await repos.audit.list({ before: options.before, limit: options.size + 1 });
  const entries = found.slice(0, options.size);
  return { entries, hasOlder: found.length > options.size, names: await loadNames(repos, entries) };
}

/** The people and bodies the entries name by id or code, each looked up once. */
export async function loadNames(
  repos: Repositories,
  entries: readonly AuditRecord[],
): Promise<AuditNames> {
  const refs = auditReferences(entries);
  const users = new Map<number, string>();
  const bodies = new Map<number, NamedBody>();
  const bodiesByCode = new Map<string, NamedBody>();
  for (const id of refs.userIds) {
    const user = await repos.users.getUser(id);
    if (user) users.set(id, user.name);
  }
  for (const id of refs.bodyIds) {
    const body = await repos.directory.getBody(id);
    if (body) bodies.set(id, body);
  }
  for (const code of refs.bodyCodes) {
    const body = await repos.directory.getBodyByCode(code);
    if (body) bodiesByCode.set(code, body);
  }
  return { users, bodies, bodiesByCode };
}
