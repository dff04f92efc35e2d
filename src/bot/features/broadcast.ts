import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { broadcastProgress, cancelBroadcast } from "../../services/broadcasts.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { BROADCAST_CONVERSATION, broadcastConversation } from "../conversations/broadcast.ts";
import { requireRole } from "../middleware/access.ts";
import { statusKeyboard, statusText } from "./broadcast-status.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
composer.use(
  createConversation<BotContext, ConversationContext>(
    broadcastConversation,
    BROADCAST_CONVERSATION,
  ),
);

composer.command("broadcast", admins, (ctx) => ctx.conversation.enter(BROADCAST_CONVERSATION));

// Stops what has not gone out yet; messages already handed to Telegram cannot be recalled.
composer.callbackQuery(/^bc:stop:(\d+)$/, admins, async (ctx) => {
  const id = Number(ctx.match[1]);
  const cancelled = await cancelBroadcast(ctx.repos, {
    id,
    actorUserId: ctx.user?.id ?? null,
    now: ctx.now(),
  });
  await ctx.answerCallbackQuery({ text: ctx.t("broadcast:stopped", { count: cancelled }) });
  await showStatus(ctx, id);
});

composer.callbackQuery(/^bc:show:(\d+)$/, admins, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showStatus(ctx, Number(ctx.match[1]));
});

async function showStatus(ctx: BotContext, id: number): Promise<void> {
  const progress = await broadcastProgress(ctx.repos, id);
  await ctx
    .editMessageText(statusText(ctx.t, id, progress), {
      reply_markup: statusKeyboard(ctx.t, id, progress),
    })
    // Unchanged numbers: Telegram refuses an edit that changes nothing.
    .catch(() => undefined);
}

/** /broadcast (admins): compose, preview, confirm, follow and stop a broadcast. */
export const broadcastFeature = composer;
