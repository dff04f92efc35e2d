import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import type { BodyKind } from "../../db/repositories/directory.ts";
import { BODY_KINDS } from "../../domain/methodology/types.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import type { KeysUnder } from "../../i18n-keys.ts";
import { type AddBodyOutcome, addBody, BODY_CODE_PATTERN } from "../../services/bodies.ts";
import { featureCodec, field } from "../callback-codec.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { type StepAnswer, waitForStepAnswer } from "./step-answer.ts";

/** The id to enter it with: ctx.conversation.enter(ADD_BODY_CONVERSATION). */
export const ADD_BODY_CONVERSATION = "addBody";

type AddBody = Conversation<BotContext, ConversationContext>;
type Answer = StepAnswer;

const MAX_NAME = 300;
// ab:kind:<body kind>; the step's answer (step-answer.ts) is the kind, read back with the same field.
const kindButtons = featureCodec("ab", { kind: [field.bodyKind] });

/**
 * An admin adds a body one question at a time: kind, Kazakh name, Russian name, code (or auto),
 * region (or skip), then confirms. Cancel, or any command, leaves without saving.
 */
export async function addBodyConversation(conversation: AddBody, ctx: ConversationContext) {
  const t = (key: KeysUnder<"onboarding", "addBody.">, params?: Record<string, unknown>) =>
    ctx.t(`onboarding:addBody.${key}`, params);
  const ask = async (step: string, text: string, keyboard = new InlineKeyboard()) => {
    await ctx.reply(text, {
      reply_markup: keyboard.row().text(t("cancelButton"), "ab:cancel"),
    });
    return nextAnswer(conversation, ctx, step);
  };

  const kindKeyboard = new InlineKeyboard();
  for (const kind of BODY_KINDS)
    kindKeyboard.text(ctx.t(`onboarding:kinds.${kind}`), kindButtons.data("kind", kind));
  let kindAnswer = await ask("kind", t("askKind"), kindKeyboard);
  let kind = bodyKindOf(kindAnswer);
  while (kind === undefined) {
    await ctx.reply(t("pressButton"));
    kindAnswer = await nextAnswer(conversation, ctx, "kind");
    kind = bodyKindOf(kindAnswer);
  }

  const nameKk = await askName(conversation, ctx, await ask("nameKk", t("askNameKk")), "nameKk");
  const nameRu = await askName(conversation, ctx, await ask("nameRu", t("askNameRu")), "nameRu");

  for (;;) {
    const code = await askCode(conversation, ctx, ask);
    const regionAnswer = await ask(
      "region",
      t("askRegion"),
      new InlineKeyboard().text(t("skipButton"), "ab:region:skip"),
    );
    const region =
      "text" in regionAnswer
        ? truncateGraphemes(regionAnswer.text.trim(), MAX_NAME, { ellipsis: "" })
        : undefined;
    const summary = t("summary", {
      kind: ctx.t(`onboarding:kinds.${kind}`),
      nameKk,
      nameRu,
      code: code ?? t("autoCode"),
      region: region || t("noRegion"),
    });
    let confirm = await ask(
      "save",
      summary,
      new InlineKeyboard().text(t("saveButton"), "ab:save:yes"),
    );
    while (!("button" in confirm)) {
      await ctx.reply(t("pressButton"));
      confirm = await nextAnswer(conversation, ctx, "save");
    }
    const outcome: AddBodyOutcome = await conversation.external((outside) =>
      addBody(outside.repos, {
        kind,
        nameKk,
        nameRu,
        ...(code === undefined ? {} : { code }),
        region: region || null,
        actorUserId: outside.user?.id ?? null,
        now: outside.now(),
      }),
    );
    if (outcome.ok) {
      const { body } = outcome;
      const name = ctx.lang === "kk" ? body.nameKk : body.nameRu;
      await ctx.reply(t("saved", { name, code: body.code }), {
        reply_markup: new InlineKeyboard().text(t("inviteButton"), `inv:b:${body.id}`),
      });
      return;
    }
    // Someone took the code meanwhile: ask for another and confirm again.
    await ctx.reply(t("codeTaken", { code }));
  }
}

/** The body kind a kind button names; undefined for a text or a forged button. */
function bodyKindOf(answer: Answer): BodyKind | undefined {
  return "button" in answer ? field.bodyKind.decode(answer.button) : undefined;
}

/** Waits for a text name; re-asks until it is one. */
async function askName(
  conversation: AddBody,
  ctx: ConversationContext,
  first: Answer,
  step: string,
): Promise<string> {
  let answer = first;
  for (;;) {
    const name = "text" in answer ? answer.text.trim() : "";
    if (name && name.length <= MAX_NAME) return name;
    await ctx.reply(ctx.t("onboarding:addBody.badName"));
    answer = await nextAnswer(conversation, ctx, step);
  }
}

/** A typed code that is well-formed and free, or undefined for "automatic". */
async function askCode(
  conversation: AddBody,
  ctx: ConversationContext,
  ask: (step: string, text: string, keyboard?: InlineKeyboard) => Promise<Answer>,
): Promise<string | undefined> {
  const t = (key: KeysUnder<"onboarding", "addBody.">, params?: Record<string, unknown>) =>
    ctx.t(`onboarding:addBody.${key}`, params);
  let answer = await ask(
    "code",
    t("askCode"),
    new InlineKeyboard().text(t("autoButton"), "ab:code:auto"),
  );
  for (;;) {
    if ("button" in answer) return undefined;
    const code = answer.text.trim();
    if (!BODY_CODE_PATTERN.test(code)) {
      await ctx.reply(t("badCode"));
    } else {
      const taken = await conversation.external(
        async (outside) => (await outside.repos.directory.getBodyByCode(code)) !== undefined,
      );
      if (!taken) return code;
      await ctx.reply(t("codeTaken", { code }));
    }
    answer = await nextAnswer(conversation, ctx, "code");
  }
}

function nextAnswer(conversation: AddBody, ctx: ConversationContext, step: string) {
  return waitForStepAnswer(conversation, ctx, step, {
    prefix: "ab",
    cancelledKey: "onboarding:addBody.cancelled",
  });
}
