import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { TEXT_LIMIT } from "../../delivery/outbox-message.ts";
import {
  formatDateTime,
  formatPeriodLabel,
  parseLocalDateTime,
} from "../../domain/calendar/format.ts";
import { reportablePeriods } from "../../domain/deadlines.ts";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";
import { LANGUAGES, type Lang } from "../../i18n.ts";
import type { NamespaceKey } from "../../i18n-keys.ts";
import {
  type Audience,
  type BroadcastTexts,
  listRegions,
  resolveAudience,
  startBroadcast,
} from "../../services/broadcasts.ts";
import { loadDeadlineRules } from "../../services/deadlines.ts";
import { statusKeyboard, statusText, watchBroadcast } from "../broadcast-status.ts";
import type { BotContext, ConversationContext } from "../context.ts";
import { waitForStepAnswer } from "./step-answer.ts";

/** The id to enter it with: ctx.conversation.enter(BROADCAST_CONVERSATION). */
export const BROADCAST_CONVERSATION = "broadcast";

type Talk = Conversation<BotContext, ConversationContext>;

/**
 * An admin composes a broadcast: the text (one for all, or Kazakh and Russian), the audience,
 * when to send it; sees a preview with the recipient count and confirms. Then the messages go to
 * the outbox and a status message shows the progress with a button that stops the rest.
 */
export async function broadcastConversation(conversation: Talk, ctx: ConversationContext) {
  const t = (key: NamespaceKey<"broadcast">, params?: Record<string, unknown>) =>
    ctx.t(`broadcast:${key}`, params);
  const ask = async (step: string, text: string, keyboard = new InlineKeyboard()) => {
    await ctx.reply(text, {
      reply_markup: keyboard.row().text(t("cancelButton"), "bc:cancel"),
    });
    return nextAnswer(conversation, ctx, step);
  };
  const choose = async (step: string, text: string, keyboard: InlineKeyboard) => {
    let answer = await ask(step, text, keyboard);
    while (!("button" in answer)) answer = await nextAnswer(conversation, ctx, step);
    return answer.button;
  };
  const askText = async (step: string, question: string) => {
    let answer = await ask(step, question);
    for (;;) {
      if ("text" in answer && answer.text.trim() !== "" && answer.text.length <= TEXT_LIMIT) {
        return answer.text;
      }
      await ctx.reply(t("badText"));
      answer = await nextAnswer(conversation, ctx, step);
    }
  };

  const mode = await choose(
    "mode",
    t("askMode"),
    new InlineKeyboard().text(t("modeOne"), "bc:mode:one").row().text(t("modeTwo"), "bc:mode:two"),
  );
  let texts: BroadcastTexts;
  if (mode === "one") {
    const text = await askText("text", t("askText"));
    texts = { kk: text, ru: text };
  } else {
    texts = { kk: await askText("kk", t("askKk")), ru: await askText("ru", t("askRu")) };
  }

  const audience = await askAudience(conversation, ctx, choose);
  const now = new Date(await conversation.external((outside) => outside.now().toISOString()));
  const zone = ctx.config.timeZone;
  const when = await choose(
    "when",
    t("askWhen"),
    new InlineKeyboard().text(t("now"), "bc:when:now").text(t("later"), "bc:when:later"),
  );
  let notBefore: Date | undefined;
  if (when === "later") {
    let answer = await ask("time", t("askTime"));
    for (;;) {
      notBefore = "text" in answer ? parseLocalDateTime(answer.text, zone) : undefined;
      if (notBefore && notBefore.getTime() > now.getTime()) break;
      await ctx.reply(t("badTime"));
      answer = await nextAnswer(conversation, ctx, "time");
    }
  }

  const count = await conversation.external(
    async (outside) => (await resolveAudience(outside.repos, audience, owedIn(outside))).length,
  );
  if (count === 0) {
    await ctx.reply(t("nobody"));
    return;
  }
  const shownLangs: Lang[] = texts.kk === texts.ru ? [ctx.lang] : [...LANGUAGES];
  for (const lang of shownLangs) {
    const label = texts.kk === texts.ru ? "" : `${t(`previewLang.${lang}`)}\n`;
    await ctx.reply(truncateGraphemes(`${label}${texts[lang]}`, TEXT_LIMIT));
  }
  await choose(
    "confirm",
    t("preview", {
      audience: describeAudience(ctx, audience),
      count,
      when: notBefore ? formatDateTime(notBefore, zone) : t("whenNow"),
    }),
    new InlineKeyboard().text(t("confirm"), "bc:confirm:yes"),
  );

  const started = await conversation.external((outside) =>
    startBroadcast(outside.repos, {
      actorUserId: outside.user?.id ?? null,
      texts,
      audience,
      notBefore,
      now: outside.now(),
      owed: owedIn(outside),
    }),
  );
  const progress = { sent: 0, failed: 0, left: started.recipients, cancelled: 0 };
  const scheduled = notBefore ? formatDateTime(notBefore, zone) : undefined;
  const status = await ctx.reply(statusText(ctx.t, started.id, progress, scheduled), {
    reply_markup: statusKeyboard(ctx.t, started.id, progress),
  });
  await conversation.external((outside) => {
    watchBroadcast({
      api: outside.api,
      repos: outside.repos,
      t: ctx.t,
      id: started.id,
      chatId: status.chat.id,
      messageId: status.message_id,
      scheduled,
      logger: outside.logger,
    });
  });
}

async function askAudience(
  conversation: Talk,
  ctx: ConversationContext,
  choose: (step: string, text: string, keyboard: InlineKeyboard) => Promise<string>,
): Promise<Audience> {
  const t = (key: NamespaceKey<"broadcast">, params?: Record<string, unknown>) =>
    ctx.t(`broadcast:${key}`, params);
  for (;;) {
    const type = await choose(
      "audience",
      t("askAudience"),
      InlineKeyboard.from(
        (["all", "role", "kind", "region", "notSubmitted"] as const).map((type) => [
          InlineKeyboard.text(t(`audience.${type}`), `bc:audience:${type}`),
        ]),
      ),
    );
    if (type === "all") return { type: "all" };
    if (type === "role") {
      const roles = ["commissioner", "officer", "manager", "admin"] as const;
      const role = await choose(
        "role",
        t("askRole"),
        InlineKeyboard.from(
          roles.map((r) => [InlineKeyboard.text(t(`roles.${r}`), `bc:role:${r}`)]),
        ),
      );
      return { type: "role", role: role as (typeof roles)[number] };
    }
    if (type === "kind") {
      const kind = await choose(
        "kind",
        t("askKind"),
        new InlineKeyboard()
          .text(t("kinds.central"), "bc:kind:central")
          .row()
          .text(t("kinds.regional"), "bc:kind:regional"),
      );
      return { type: "kind", kind: kind === "central" ? "central" : "regional" };
    }
    if (type === "region") {
      const regions = await conversation.external((outside) => listRegions(outside.repos));
      if (regions.length === 0) {
        await ctx.reply(t("noRegions"));
        continue;
      }
      const index = await choose(
        "region",
        t("askRegion"),
        InlineKeyboard.from(
          regions.slice(0, 40).map((r, i) => [InlineKeyboard.text(r, `bc:region:${i}`)]),
        ),
      );
      return { type: "region", region: regions[Number(index)] ?? regions[0] ?? "" };
    }
    const kind = await choose(
      "report",
      t("askReport"),
      InlineKeyboard.from(
        (["monthly", "quarterly", "annual"] as const).map((k) => [
          InlineKeyboard.text(ctx.t(`notifications:reportTitle.${k}`), `bc:report:${k}`),
        ]),
      ),
    );
    const reportKind = kind === "quarterly" || kind === "annual" ? kind : "monthly";
    const periods = await conversation.external(async (outside) =>
      reportablePeriods(
        reportKind,
        outside.now(),
        await loadDeadlineRules(outside.repos),
        ctx.config.timeZone,
      ).slice(0, 6),
    );
    const periodKey = await choose(
      "period",
      t("askPeriod"),
      InlineKeyboard.from(
        periods.map((p) => [InlineKeyboard.text(formatPeriodLabel(p, ctx.lang), `bc:period:${p}`)]),
      ),
    );
    return { type: "notSubmitted", kind: reportKind, periodKey };
  }
}

/** What decides who owes a report: the live methodology and the zone. */
const owedIn = (ctx: BotContext) => ({ methodology: ctx.methodology, zone: ctx.config.timeZone });

/** The audience in words, for the preview. */
function describeAudience(ctx: ConversationContext, audience: Audience): string {
  const t = (key: NamespaceKey<"broadcast">, params?: Record<string, unknown>) =>
    ctx.t(`broadcast:${key}`, params);
  switch (audience.type) {
    case "all":
      return t("describe.all");
    case "role":
      return t("describe.role", { role: t(`roles.${audience.role}`) });
    case "kind":
      return t("describe.kind", { kind: t(`kinds.${audience.kind}`) });
    case "region":
      return t("describe.region", { region: audience.region });
    case "notSubmitted":
      return t("describe.notSubmitted", {
        report: ctx.t(`notifications:report.${audience.kind}`),
        period: formatPeriodLabel(audience.periodKey, ctx.lang),
      });
  }
}

function nextAnswer(conversation: Talk, ctx: ConversationContext, step: string) {
  // The status message's Stop and Show buttons belong to the broadcast-status feature.
  return waitForStepAnswer(conversation, ctx, step, {
    prefix: "bc",
    cancelledKey: "broadcast:cancelled",
    leaveToOthers: ["bc:stop:", "bc:show:"],
  });
}
