import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import type { BotContext, ConversationContext } from "../context.ts";
import {
  METHODOLOGY_UPLOAD_CONVERSATION,
  methodologyUploadConversation,
} from "../conversations/methodology-upload.ts";
import { requireRole } from "../middleware/access.ts";

const composer = new Composer<BotContext>();
const admins = requireRole("admin");
composer.use(
  createConversation<BotContext, ConversationContext>(
    methodologyUploadConversation,
    METHODOLOGY_UPLOAD_CONVERSATION,
  ),
);

// A new methodology changes how every later period is scored: only in a private chat with an admin.
composer
  .chatType("private")
  .command("methodology", admins, (ctx) => ctx.conversation.enter(METHODOLOGY_UPLOAD_CONVERSATION));
composer.command("methodology", admins, (ctx) =>
  ctx.reply(ctx.t("methodology:upload.privateOnly")),
);

/** /methodology (admins): load a new methodology version from a file, checked, shown and confirmed. */
export const methodologyFeature = composer;
