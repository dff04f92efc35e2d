import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { broadcastProgress, cancelBroadcast } from "../../services/broadcasts.ts";
import { broadcastButtons as buttons, statusKeyboard, statusText } from "../broadcast-status.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { BROADCAST_CONVERSATION, broadcastConversation } from "../conversations/broadcast.ts";
import { requireRole } from "../middleware/access.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
// Admin dialogs run in private chats only, where nobody else can answer them.
const privateChats = composer.chatType("private");
privateChats.use(
  createConversation<BotContext, ConversationContext>(
    broadcastConversation,
    BROADCAST_CONVERSATION,
  ),
);

privateChats.command("broadcast", admins, (ctx) => ctx.conversation.enter(BROADCAST_CONVERSATION));

// Stops what has not gone out yet; messages already handed to Telegram cannot be recalled.
buttons.on(composer, "stop", admins, async (ctx, [id]) => {
  const cancelled = await cancelBroadcast(ctx.repos, {
    id,
    actorUserId: ctx.user?.id ?? null,
    now: ctx.now(),
  });
  await ctx.answerCallbackQuery({ text: ctx.t("broadcast:stopped", { count: cancelled }) });
  await showStatus(ctx, id);
});

buttons.on(composer, "show", admins, async (ctx, [id]) => {
  await ctx.answerCallbackQuery();
  await showStatus(ctx, id);
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
