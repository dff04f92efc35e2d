import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, ConversationContext } from "../context.ts";
import { ADD_BODY_CONVERSATION, addBodyConversation } from "../conversations/add-body.ts";
import { onMenuButton } from "../main-menu.ts";

const composer = new Composer<BotContext>();
// Admin dialogs run in private chats only, where nobody else can answer them.
composer
  .chatType("private")
  .use(
    createConversation<BotContext, ConversationContext>(addBodyConversation, ADD_BODY_CONVERSATION),
  );

onMenuButton(composer, "addBody", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(ADD_BODY_CONVERSATION);
});

/** The "add body" button (admins): a short dialog that adds one body to the directory. */
export const addBodyFeature = composer;
