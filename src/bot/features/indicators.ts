import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, ConversationContext } from "../context.ts";
import { INDICATORS_CONVERSATION, indicatorsReport } from "../conversations/indicators-report.ts";
import { onMenuButton } from "../main-menu.ts";
import { requireRole } from "../middleware/access.ts";

const composer = new Composer<BotContext>();
const privateChats = composer.chatType("private");

privateChats.use(
  createConversation<BotContext, ConversationContext>(indicatorsReport, INDICATORS_CONVERSATION),
);

// Officers report for their own body; admins pass every role check and choose the body.
privateChats.command("indicators", requireRole("officer"), async (ctx) => {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(INDICATORS_CONVERSATION);
});

onMenuButton(composer, "indicators", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(INDICATORS_CONVERSATION);
});

/** /indicators and the menu's "indicators" item: the annual and quarterly indicators reports. */
export const indicatorsFeature = composer;
