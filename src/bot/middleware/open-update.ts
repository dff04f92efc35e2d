import type { MiddlewareFn } from "grammy";
import type { UpdateState } from "../../db/repositories/update-state.ts";
import { withUpdateState } from "../../db/update-scope.ts";
import { turnOf } from "../chat-turn.ts";
import type { BotContext } from "../context.ts";
import { patiently } from "./skip-redelivered.ts";

/** Records an update and reads what it usually needs, in one statement (the database's updateState.open). */
export type OpenUpdate = (input: {
  updateId: number;
  telegramId: number | undefined;
  chatKey: string | undefined;
  at: Date;
  lockKey?: string | undefined;
}) => Promise<UpdateState>;

/**
 * Lets each update through once and hands the rest of it what the first statement read (the
 * person, the chat's session and conversation state, the person's latest draft, cache versions),
 * so a form step costs this statement and its own draft write. A redelivered update stops here.
 */
export function openUpdateState(open: OpenUpdate): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const chatKey = ctx.chatId === undefined ? undefined : String(ctx.chatId);
    const input = {
      updateId: ctx.update.update_id,
      telegramId: ctx.from?.id,
      chatKey,
      at: ctx.now(),
    };
    const turn = turnOf(ctx.update);
    const state = await patiently(ctx, async () => {
      const first = await open({ ...input, lockKey: turn && !turn.held ? turn.key : undefined });
      if (!first.busy || !turn) return first;
      // A long update of this chat holds its lock: this one waits its turn, then reads afresh.
      ctx.logger.debug({ lock: turn.key }, "waiting for the chat's previous update");
      await turn.hold();
      return open(input);
    });
    if (!state.fresh) {
      ctx.logger.debug({ update_id: ctx.update.update_id }, "skipped a redelivered update");
      return;
    }
    ctx.prefetched = state;
    // The deadline rules stay cached while the versions this statement read say they are current.
    ctx.repos = { ...ctx.repos, deadlines: ctx.repos.deadlines.forUpdate(state.versions) };
    await withUpdateState(state, chatKey, () => next());
  };
}
