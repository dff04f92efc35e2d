import { InlineKeyboard } from "grammy";
import type { BodyRecord, MemberKind } from "../../db/repositories/directory.ts";
import type { UserRecord } from "../../db/repositories/users.ts";
import type { CountsOver } from "../../domain/methodology/types.ts";
import { shareValueSchema } from "../../domain/scoring/values.ts";
import type { Lang } from "../../i18n.ts";
import type { IndicatorsDraft } from "../../services/indicators-draft.ts";
import type { ReportChoice } from "../../services/indicators-report.ts";
import type { ConversationContext, Translate } from "../context.ts";
import { type ChecklistItem, itemsOnPage, pageCount } from "./indicators-checklist.ts";
import {
  type IndicatorsConversation,
  readDoneOfTotal,
  say,
  waitInput,
} from "./indicators-input.ts";

/** Which directory lists each share counts over; employees are not in the directory. */
export const MEMBER_KINDS_OF: Record<CountsOver, readonly MemberKind[]> = {
  subdivisions: ["subdivision"],
  subordinatesAndQuasiPublic: ["subordinate", "quasiPublic"],
  quasiPublic: ["quasiPublic"],
  districts: ["district"],
  employees: [],
};

/** A body's directory lists as checklist items in the user's language. */
export type MemberLists = Record<MemberKind, ChecklistItem[]>;

/** Who started the conversation and when, read once from outside. */
export interface StartInfo {
  user: UserRecord | null;
  now: string;
}

/** Admins choose the body they act for, a page of 8 at a time. */
export async function chooseBody(
  conversation: IndicatorsConversation,
  ctx: ConversationContext,
  bodies: readonly BodyRecord[],
): Promise<number> {
  const lang = ctx.lang as Lang;
  const keyboardOf = (page: number) => {
    const keyboard = new InlineKeyboard();
    for (const b of itemsOnPage(bodies, page))
      keyboard.text(lang === "kk" ? b.nameKk : b.nameRu, `ind:body:${b.id}`).row();
    const pages = pageCount(bodies.length);
    if (pages > 1)
      keyboard
        .text("◀", `ind:bp:${(page - 1 + pages) % pages}`)
        .text(`${page + 1}/${pages}`, `ind:bp:${page}`)
        .text("▶", `ind:bp:${(page + 1) % pages}`);
    return keyboard;
  };
  await say(ctx, ctx.t("indicators:start.chooseBody"), keyboardOf(0));
  for (;;) {
    const input = await waitInput(conversation);
    const data = input.kind === "button" ? input.data : "";
    const body = /^ind:body:(\d+)$/.exec(data);
    if (body) return Number(body[1]);
    const page = /^ind:bp:(\d+)$/.exec(data);
    if (page) await input.ctx.editMessageReplyMarkup({ reply_markup: keyboardOf(Number(page[1])) });
    else await say(input.ctx, ctx.t("indicators:input.useButtons"));
  }
}

/** "Годовой отчёт за 2025", "Квартальный отчёт: IV квартал 2025". */
export function reportTitle(
  choice: Pick<ReportChoice, "kind" | "periodKey">,
  t: Translate,
): string {
  if (choice.kind === "annual") return t("indicators:report.annual", { year: choice.periodKey });
  const [year, quarter] = choice.periodKey.split("-Q");
  const roman = ["I", "II", "III", "IV"][Number(quarter) - 1] ?? quarter;
  return t("indicators:report.quarterly", { year, quarter: roman });
}

/** The report to fill in; the period just ended comes first. */
export async function chooseReport(
  conversation: IndicatorsConversation,
  ctx: ConversationContext,
  choices: readonly ReportChoice[],
): Promise<ReportChoice> {
  const t = ctx.t;
  const keyboard = new InlineKeyboard();
  for (const c of choices) {
    const late = c.late ? ` ${t("indicators:report.lateMark")}` : "";
    keyboard.text(`${reportTitle(c, t)}${late}`, `ind:rep:${c.kind}:${c.periodKey}`).row();
  }
  await say(ctx, t("indicators:start.chooseReport"), keyboard);
  for (;;) {
    const input = await waitInput(conversation);
    const data = input.kind === "button" ? input.data : "";
    const chosen = choices.find((c) => data === `ind:rep:${c.kind}:${c.periodKey}`);
    if (chosen) return chosen;
    await say(input.ctx, t("indicators:input.useButtons"));
  }
}

/**
 * The project-1 exemption question; when exempt, the share of the external plan's measures
 * done (recorded, shown without points). Changes the draft; the caller saves it.
 */
export async function askExemption(
  conversation: IndicatorsConversation,
  ctx: ConversationContext,
  draft: IndicatorsDraft,
  year: string,
): Promise<void> {
  const t = ctx.t;
  const keyboard = new InlineKeyboard()
    .text(t("indicators:yes"), "ind:y")
    .text(t("indicators:no"), "ind:n");
  await say(ctx, t("indicators:exemption.question", { year: Number(year) - 1 }), keyboard);
  let exempt: boolean | undefined;
  while (exempt === undefined) {
    const input = await waitInput(conversation);
    if (input.kind === "button" && (input.data === "ind:y" || input.data === "ind:n"))
      exempt = input.data === "ind:y";
    else await say(input.ctx, t("indicators:input.useButtons"));
  }
  if (!exempt) {
    draft.p1Exempt = false;
    delete draft.p1ExternalPlan;
    return;
  }
  await say(ctx, t("indicators:exemption.plan"));
  for (;;) {
    const input = await waitInput(conversation);
    const typed = input.kind === "text" ? readDoneOfTotal(input.text) : undefined;
    const share = typed ? shareValueSchema.safeParse(typed) : undefined;
    if (share?.success) {
      draft.p1Exempt = true;
      draft.p1ExternalPlan = share.data;
      return;
    }
    await say(
      input.ctx,
      share ? t("scoring:problems.doneExceedsTotal", typed) : t("indicators:typedShare.format"),
    );
  }
}
