import type { Conversation } from "@grammyjs/conversations";
import type { Role } from "../../domain/vocabulary.ts";
import type { LocaleKey } from "../../i18n-keys.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { hasRole } from "../middleware/access.ts";

/** What a person gave for one question: a button's value, or a text. */
export type StepAnswer = { button: string } | { text: string };

export interface StepAnswerOptions {
  /** The conversation's callback-data prefix: buttons are "<prefix>:<step>:<value>". */
  prefix: string;
  /** The locale key said when the person cancels or leaves with a command. */
  cancelledKey: LocaleKey;
  /** Callback-data prefixes of this conversation's that other features handle (left to them). */
  leaveToOthers?: readonly string[];
}

/**
 * The update is the starter's, who still holds the role: someone else's update goes on to other
 * features (a group's stranger cannot drive an admin's dialog); a person who lost the role (an
 * admin demoted or switched off meanwhile) is told so and the dialog ends.
 */
export async function checkStarter(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
  update: ConversationContext,
  role: Role,
): Promise<void> {
  if (update.from?.id !== ctx.from?.id) await conversation.skip({ next: true });
  const allowed = await conversation.external((o) => hasRole(o.user, [role]));
  if (allowed) return;
  await update.reply(update.t("access.roleRequired"));
  await conversation.halt();
}

/**
 * Waits for the answer to the question of `step` from the admin who started the dialog: its
 * button's value or a text. The cancel
 * button and commands end the conversation (a command then goes on to its feature); buttons of
 * other steps are ignored; other updates go to other features.
 */
export async function waitForStepAnswer(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
  step: string,
  options: StepAnswerOptions,
): Promise<StepAnswer> {
  const { prefix, cancelledKey, leaveToOthers = [] } = options;
  for (;;) {
    const update = await conversation.wait();
    await checkStarter(conversation, ctx, update, "admin");
    const data = update.callbackQuery?.data;
    if (data === `${prefix}:cancel`) {
      await update.answerCallbackQuery();
      await ctx.reply(ctx.t(cancelledKey));
      return conversation.halt();
    }
    if (data?.startsWith(`${prefix}:`) && !leaveToOthers.some((p) => data.startsWith(p))) {
      await update.answerCallbackQuery();
      const [, buttonStep, ...value] = data.split(":");
      if (buttonStep === step && value.length > 0) return { button: value.join(":") };
      continue;
    }
    const text = update.message?.text;
    if (text?.startsWith("/")) {
      await ctx.reply(ctx.t(cancelledKey));
      return conversation.halt({ next: true });
    }
    if (text !== undefined) return { text };
    await conversation.skip({ next: true });
  }
}
