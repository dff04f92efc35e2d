// The commissioner's monthly report as a form of the engine: its rules, screens and submission.
import { formatMonth } from "../../domain/calendar/format.ts";
import { applyMonthlyAnswer } from "../../domain/forms/monthly/apply.ts";
import type { ReportDraft } from "../../domain/reports/draft.ts";
import { monthlyContentOf, monthlyReferenceOf } from "../../services/monthly-content.ts";
import { type ReportKey, submitReport } from "../../services/reports.ts";
import type { BotContext } from "../context.ts";
import { formEnvBase } from "./form-env.ts";
import { renderMonthlyScreen } from "./monthly-screens.ts";
import { dueText, type MonthlyEnv, mr, pointsText } from "./monthly-text.ts";
import type { ReportForm } from "./run-step.ts";

/** Callback data prefix of the monthly form's buttons. */
export const MONTHLY_FORM_PREFIX = "mr";

export const monthlyForm: ReportForm<MonthlyEnv> = {
  prefix: MONTHLY_FORM_PREFIX,
  maker: "commissioner",
  env(ctx, key, draft) {
    const reference = monthlyReferenceOf(draft);
    return { ...formEnvBase(ctx, key.periodKey, reference.dueAt), history: reference.history };
  },
  apply: applyMonthlyAnswer,
  render: renderMonthlyScreen,
  submit: submitMonthly,
};

type SubmitOutcome = Awaited<ReturnType<ReportForm<MonthlyEnv>["submit"]>>;

async function submitMonthly(
  ctx: BotContext,
  key: ReportKey,
  draft: ReportDraft,
  env: MonthlyEnv,
): Promise<SubmitOutcome> {
  const body = await ctx.repos.directory.getBody(key.bodyId);
  if (!body) return { ok: false, problem: { key: "monthly-report:entry.otherBody" }, end: true };
  const result = await submitReport(
    ctx.repos,
    { key, body, draft, content: monthlyContentOf(draft) },
    {
      now: ctx.now(),
      zone: ctx.config.timeZone,
      methodology: ctx.methodology,
      variants: ctx.config.methodologyVariants,
    },
  );
  const t = env.t;
  const month = formatMonth(key.periodKey, env.lang);
  if (result.ok) {
    const lines = [
      mr(t, "submitted.title", { month, version: result.version }),
      mr(t, "submitted.points", { points: pointsText(t, result.total ?? 0) }),
    ];
    // Only a report sent before its deadline may still be corrected; saying so after would be false.
    if (result.late) lines.push(mr(t, "submitted.late"));
    else lines.push(mr(t, "submitted.correctUntil", { due: dueText(env) }));
    return { ok: true, text: lines.join("\n") };
  }
  switch (result.reason) {
    case "invalid":
      return {
        ok: false,
        problem: {
          key: "monthly-report:problems.notValid",
          params: { problems: result.problems.join(", ") },
        },
      };
    case "closed":
      return {
        ok: false,
        end: true,
        problem: {
          key: "monthly-report:entry.closed",
          params: {
            month,
            version: result.version,
            due: dueText({ ...env, dueAt: new Date(result.dueAt) }),
          },
        },
      };
    case "alreadySubmitted":
      return {
        ok: false,
        end: true,
        problem: {
          key: "monthly-report:entry.alreadySubmitted",
          params: { version: result.version },
        },
      };
    case "alreadyAccepted":
      return {
        ok: false,
        end: true,
        problem: {
          key: "monthly-report:entry.closed",
          params: { month, version: 0, due: dueText(env) },
        },
      };
  }
}
