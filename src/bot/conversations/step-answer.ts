import type { Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../context.ts";

/** What a person gave for one question: a button's value, or a text. */
export type StepAnswer = { button: string } | { text: string };

export interface StepAnswerOptions {
  /** The conversation's callback-data prefix: buttons are "<prefix>:<step>:<value>". */
  prefix: string;
  /** The locale key said when the person cancels or leaves with a command. */
  cancelledKey: string;
  /** Callback-data prefixes of this conversation's that other features handle (left to them). */
  leaveToOthers?: readonly string[];
}

/**
 * Waits for the answer to the question of `step`: its button's value or a text. The cancel
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
