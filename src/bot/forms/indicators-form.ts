// The responsible officer's annual and quarterly indicators report as a form of the engine: its
// rules, screens and submission.
import { applyIndicatorsAnswer } from "../../domain/forms/indicators/apply.ts";
import { indicatorsReferenceOf } from "../../domain/forms/indicators/reference.ts";
import type { ReportDraft } from "../../domain/reports/draft.ts";
import { indicatorsContentOf } from "../../services/indicators-content.ts";
import { type ReportKey, submitReport } from "../../services/reports.ts";
import type { BotContext } from "../context.ts";
import { formEnvBase } from "./form-env.ts";
import { renderIndicatorsScreen } from "./indicators-screens.ts";
import { dueText, type IndicatorsEnv, ind, pointsText, reportTitle } from "./indicators-text.ts";
import type { ReportForm } from "./run-step.ts";

/** Callback data prefix of the indicators form's buttons. */
export const INDICATORS_FORM_PREFIX = "ir";

export const indicatorsForm: ReportForm<IndicatorsEnv> = {
  prefix: INDICATORS_FORM_PREFIX,
  maker: "officer",
  env(ctx, key, draft) {
    const reference = indicatorsReferenceOf(draft);
    return { ...formEnvBase(ctx, key.periodKey, reference.dueAt), reference };
  },
  apply: applyIndicatorsAnswer,
  render: renderIndicatorsScreen,
  submit: submitIndicators,
};

type SubmitOutcome = Awaited<ReturnType<ReportForm<IndicatorsEnv>["submit"]>>;

async function submitIndicators(
  ctx: BotContext,
  key: ReportKey,
  draft: ReportDraft,
  env: IndicatorsEnv,
): Promise<SubmitOutcome> {
  const body = await ctx.repos.directory.getBody(key.bodyId);
  if (!body) return { ok: false, problem: { key: "forms:entry.otherBody" }, end: true };
  const result = await submitReport(
    ctx.repos,
    { key, body, draft, content: indicatorsContentOf(draft, env.version, body.kind) },
    {
      now: ctx.now(),
      zone: ctx.config.timeZone,
      methodology: ctx.methodology,
      variants: ctx.config.methodologyVariants,
    },
  );
  const t = env.t;
  const report = reportTitle(t, env.lang, draft);
  if (result.ok) {
    const lines = [
      ind(t, "submitted.title", { report, version: result.version }),
      ind(t, "submitted.points", { points: pointsText(t, result.total ?? 0) }),
    ];
    // Only a report sent before its deadline may still be corrected; saying so after would be false.
    lines.push(
      result.late
        ? ind(t, "submitted.late")
        : ind(t, "submitted.correctUntil", { due: dueText(env) }),
    );
    return { ok: true, text: lines.join("\n") };
  }
  switch (result.reason) {
    case "invalid":
      return { ok: false, problem: { key: "indicators:problems.notValid" } };
    case "closed":
      return {
        ok: false,
        end: true,
        problem: {
          key: "indicators:submitted.closed",
          params: { report, due: dueText({ ...env, dueAt: new Date(result.dueAt) }) },
        },
      };
    case "alreadySubmitted":
      return {
        ok: false,
        end: true,
        problem: { key: "forms:entry.alreadySubmitted", params: { version: result.version } },
      };
    case "alreadyAccepted":
      return {
        ok: false,
        end: true,
        problem: { key: "indicators:submitted.accepted", params: { report } },
      };
  }
}
