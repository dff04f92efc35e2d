import type { PrismaClient, ReportKind } from "../generated/client.ts";
import type { SqlRunner } from "../sql.ts";
import type { DraftRecord } from "./drafts.ts";
import type { Json } from "./shared.ts";
import type { Lang, Role, UserRecord } from "./users.ts";

/** Everything an update usually needs of the database, read in one statement as it arrives. */
export interface UpdateState {
  /** False for an update already recorded: a redelivery, to be skipped. */
  fresh: boolean;
  /**
   * True when another update of the chat holds its lock (one that ran long, on some process):
   * nothing was recorded or read, and the update must wait for the lock, then open again.
   */
  busy: boolean;
  /** The account of the person behind the update (active or not), if any. */
  user: UserRecord | undefined;
  /** The chat's session and conversation state, as stored (undefined: none). */
  session: unknown;
  conversation: unknown;
  /** The person's most recently saved draft: the one a form step usually works on. */
  draft: DraftRecord | undefined;
  /** Versions of cached data (deadline rules …), to drop a cache that is out of date. */
  versions: Record<string, number>;
}

type UserRow = {
  id: number;
  telegram_id: number;
  name: string;
  language: Lang;
  role: Role;
  body_id: number | null;
  active: boolean;
  unreachable_since: string | null;
};
type DraftRow = {
  user_id: number;
  body_id: number;
  report_kind: ReportKind;
  period_key: string;
  document: Json;
  updated_at: string;
};

/** The per-update read: the de-duplication mark, the person, their chat's state and draft. */
export function createUpdateStateRepository(sql: SqlRunner) {
  return {
    /**
     * Records the update (its de-duplication mark) and reads the rest in the same statement: one
     * round trip instead of five (mark, user, session, conversation, draft). Plain SQL (sql.ts):
     * every update sends it. With `lockKey`, it first tests the chat's lock (see bot/chat-turn.ts)
     * in the same statement: a shared lock for the statement only, which an update holding the
     * chat's lock refuses.
     */
    async open(input: {
      updateId: number;
      telegramId: number | undefined;
      chatKey: string | undefined;
      at: Date;
      lockKey?: string | undefined;
    }): Promise<UpdateState> {
      const telegramId = input.telegramId === undefined ? null : String(input.telegramId);
      const rows = await sql.query<{
        turn: boolean;
        fresh: number;
        user: UserRow | null;
        session: unknown;
        conversation: unknown;
        draft: DraftRow | null;
        versions: Record<string, number> | null;
      }>(
        `WITH turn AS (
          SELECT $5::text IS NULL OR pg_try_advisory_xact_lock_shared(hashtextextended($5::text, 0)) AS free
        ), mark AS (
          INSERT INTO processed_update (bot_id, update_id, processed_at)
          SELECT 0, $1::bigint, $2::timestamptz WHERE (SELECT free FROM turn)
          ON CONFLICT DO NOTHING
          RETURNING 1
        ), person AS (
          SELECT id, telegram_id, name, language::text AS language, role::text AS role, body_id,
                 active, unreachable_since
          FROM app_user WHERE telegram_id = $3::bigint
        )
        SELECT
          (SELECT free FROM turn) AS turn,
          (SELECT count(*) FROM mark)::int AS fresh,
          (SELECT row_to_json(person) FROM person) AS "user",
          (SELECT value FROM bot_state WHERE namespace = 'session' AND key = $4::text) AS session,
          (SELECT value FROM bot_state WHERE namespace = 'conversation' AND key = $4::text) AS conversation,
          (SELECT row_to_json(d) FROM (
             SELECT user_id, body_id, report_kind::text AS report_kind, period_key, document, updated_at
             FROM draft WHERE user_id = (SELECT id FROM person)
             ORDER BY updated_at DESC LIMIT 1) d) AS draft,
          (SELECT json_object_agg(key, value) FROM bot_state WHERE namespace = 'version') AS versions`,
        [
          String(input.updateId),
          input.at,
          telegramId,
          input.chatKey ?? null,
          input.lockKey ?? null,
        ],
      );
      const row = rows[0];
      if (!row) throw new Error("The update's state could not be read");
      if (!row.turn)
        return {
          fresh: false,
          busy: true,
          user: undefined,
          session: undefined,
          conversation: undefined,
          draft: undefined,
          versions: {},
        };
      const user = row.user;
      const draft = row.draft;
      return {
        fresh: row.fresh === 1,
        busy: false,
        user: user
          ? {
              id: user.id,
              telegramId: Number(user.telegram_id),
              name: user.name,
              language: user.language,
              role: user.role,
              bodyId: user.body_id,
              active: user.active,
              unreachableSince: user.unreachable_since ? new Date(user.unreachable_since) : null,
            }
          : undefined,
        session: row.session ?? undefined,
        conversation: row.conversation ?? undefined,
        draft: draft
          ? {
              userId: draft.user_id,
              bodyId: draft.body_id,
              kind: draft.report_kind,
              periodKey: draft.period_key,
              document: draft.document,
              updatedAt: new Date(draft.updated_at),
            }
          : undefined,
        versions: row.versions ?? {},
      };
    },
  };
}

/** Says that cached data changed: every instance drops its copy at its next update. */
export async function bumpVersion(prisma: PrismaClient, name: string): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO bot_state (namespace, key, value, updated_at)
    VALUES ('version', ${name}, '1'::jsonb, now())
    ON CONFLICT (namespace, key) DO UPDATE
      SET value = to_jsonb(bot_state.value::text::int + 1), updated_at = now()`;
}
