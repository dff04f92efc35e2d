import type { Repositories } from "../../db/index.ts";
import type { BodyRecord, MemberKind } from "../../db/repositories/directory.ts";
import type { IndicatorValue } from "../../domain/scoring/values.ts";
import type { Lang } from "../../i18n.ts";
import { loadDeadlineRules } from "../../services/deadlines.ts";
import type { IndicatorsDraft } from "../../services/indicators-draft.ts";
import {
  dueIndicators,
  type IndicatorsReportKey,
  loadIndicatorsDraft,
  reportChoices,
  type SubmitIndicatorsResult,
  saveIndicatorsDraft,
  scoreIndicatorsDraft,
  submitIndicatorsReport,
} from "../../services/indicators-report.ts";
import type { ConversationContext } from "../context.ts";
import { hasRole, mayActForBody } from "../middleware/access.ts";
import { describeScoredAnswer, pointsText } from "./indicators-display.ts";
import { collectEvidence } from "./indicators-evidence.ts";
import { type IndicatorsConversation, say, waitInput } from "./indicators-input.ts";
import { isNav, pointsOf, type StepEnv } from "./indicators-screen.ts";
import {
  askExemption,
  chooseBody,
  chooseReport,
  MEMBER_KINDS_OF,
  type MemberLists,
  reportTitle,
  type StartInfo,
} from "./indicators-start.ts";
import { askIndicator } from "./indicators-steps.ts";
import { indicatorListKeyboard, summaryKeyboard, summaryText } from "./indicators-summary.ts";

/** The conversation's id for ctx.conversation.enter. */
export const INDICATORS_CONVERSATION = "indicators";

/**
 * The annual or quarterly indicators report: the body (admins choose it), the report, then
 * every indicator due, one generic step per input kind, a summary with points, and submit.
 */
export async function indicatorsReport(
  conversation: IndicatorsConversation,
  ctx: ConversationContext,
): Promise<void> {
  const t = ctx.t;
  const start = await conversation.external(
    (o): StartInfo => ({ user: o.user ?? null, now: o.now().toISOString() }),
  );
  const user = start.user;
  if (!hasRole(user ?? undefined, ["officer"]) || !user) {
    await say(ctx, t(user ? "access.roleRequired" : "access.inviteRequired"));
    return;
  }
  let bodyId = user.bodyId;
  if (user.role === "admin") {
    const bodies = await conversation.external((o) => o.repos.directory.listBodies());
    bodyId = await chooseBody(conversation, ctx, bodies);
  }
  const body =
    bodyId === null
      ? undefined
      : await conversation.external((o) => o.repos.directory.getBody(bodyId as number));
  if (!body || !mayActForBody(user, body.id)) {
    await say(ctx, t("indicators:start.noBody"));
    return;
  }
  const rules = await conversation.external((o) => loadDeadlineRules(o.repos));
  const choices = reportChoices(
    ctx.methodology,
    new Date(start.now),
    rules,
    body.kind,
    ctx.config.timeZone,
  );
  const choice = await chooseReport(conversation, ctx, choices);
  const key: IndicatorsReportKey = {
    bodyId: body.id,
    kind: choice.kind,
    periodKey: choice.periodKey,
  };
  const draft = await conversation.external((o) =>
    loadIndicatorsDraft(o.repos, o.methodology, user.id, key),
  );
  // The version in force for the report's period: it asks, checks and scores every answer.
  const methodology = ctx.methodology.forPeriod(key.periodKey);
  const members = await conversation.external((o) => memberLists(o.repos, body.id, o.lang));
  const save = () =>
    conversation.external((o) => saveIndicatorsDraft(o.repos, user.id, key, draft, o.now()));
  const title = `${reportTitle(choice, t)} — ${ctx.lang === "kk" ? body.nameKk : body.nameRu}`;
  await say(ctx, t("indicators:start.intro", { report: title }));

  const annual = key.kind === "annual";
  const dueNow = () =>
    dueIndicators(methodology, key.kind, body.kind, annual && draft.p1Exempt === true);
  // A resumed draft continues at its first unanswered indicator.
  let index = Math.max(
    0,
    dueNow().findIndex((d) => draft.values[d.id] === undefined),
  );
  let askExemptionNow = annual && draft.p1Exempt === undefined;
  let latest = ctx;
  for (;;) {
    if (askExemptionNow) {
      await askExemption(conversation, latest, draft, key.periodKey);
      await save();
      askExemptionNow = false;
      index = 0;
    }
    const due = dueNow();
    if (index >= due.length) {
      const next = await summaryStep({
        conversation,
        ctx: latest,
        body,
        key,
        draft,
        title,
        choice,
        userId: user.id,
      });
      if (next === "done") return;
      if (next === "back") index = Math.max(0, due.length - 1);
      else if (next === "exemption") askExemptionNow = true;
      else index = next;
      continue;
    }
    const def = due[index];
    if (!def) return;
    const env: StepEnv = {
      conversation,
      ctx: latest,
      def,
      draft,
      kind: key.kind,
      methodology,
      scoring: {
        bodyKind: body.kind,
        p1Exempt: annual && draft.p1Exempt === true,
        variants: ctx.config.methodologyVariants,
      },
      members: def.countsOver
        ? listsOf(members, MEMBER_KINDS_OF[def.countsOver])
        : def.input === "commission"
          ? members.district
          : [],
      position: index + 1,
      count: due.length,
    };
    const outcome = await askIndicator(env);
    latest = env.ctx;
    if (isNav(outcome)) {
      if (outcome.nav === "next") index++;
      else if (outcome.nav === "back") {
        if (index === 0 && annual) askExemptionNow = true;
        else index = Math.max(0, index - 1);
      } else if (outcome.nav === "summary") index = due.length;
      else if (outcome.nav === "evidence") {
        await collectEvidence(env, save);
        latest = env.ctx;
      } else {
        const picked = await pickIndicator(conversation, latest, draft, due, annual);
        if (picked === "exemption") askExemptionNow = true;
        else index = picked;
      }
      continue;
    }
    setAnswer(draft, def.id, outcome.answer, outcome.selection);
    await save();
    const answered = describeScoredAnswer(def, outcome.answer, pointsOf(env, outcome.answer), t);
    await say(latest, t("indicators:saved", { id: def.number, answer: answered }));
    index++;
  }
}

function setAnswer(
  draft: IndicatorsDraft,
  id: string,
  value: IndicatorValue | undefined,
  selection: number[] | undefined,
): void {
  if (value === undefined) delete draft.values[id];
  else draft.values[id] = value;
  if (selection) draft.selections[id] = selection;
  else delete draft.selections[id];
}

function listsOf(members: MemberLists, kinds: readonly MemberKind[]) {
  return kinds.flatMap((kind) => members[kind]);
}

async function memberLists(repos: Repositories, bodyId: number, lang: Lang): Promise<MemberLists> {
  const lists: MemberLists = { subdivision: [], subordinate: [], quasiPublic: [], district: [] };
  for (const m of await repos.directory.listMembers(bodyId)) {
    lists[m.kind].push({ id: m.id, label: lang === "kk" ? m.nameKk : m.nameRu });
  }
  return lists;
}

/** Jumps to any indicator of the report (or the exemption question). */
async function pickIndicator(
  conversation: IndicatorsConversation,
  ctx: ConversationContext,
  draft: IndicatorsDraft,
  due: StepEnv["def"][],
  annual: boolean,
): Promise<number | "exemption"> {
  const lang = ctx.lang as Lang;
  const keyboardOf = (page: number) =>
    indicatorListKeyboard({ due, draft, page, annual, t: ctx.t, lang });
  await say(ctx, ctx.t("indicators:list.title"), keyboardOf(0));
  for (;;) {
    const input = await waitInput(conversation);
    const data = input.kind === "button" ? input.data : "";
    if (data === "ind:go:exemption") return "exemption";
    if (data === "ind:sum") return due.length;
    const go = /^ind:go:(\d+)$/.exec(data);
    if (go) return Number(go[1]);
    const page = /^ind:lp:(\d+)$/.exec(data);
    if (page) await input.ctx.editMessageReplyMarkup({ reply_markup: keyboardOf(Number(page[1])) });
    else await say(input.ctx, ctx.t("indicators:input.useButtons"));
  }
}

/** Shows the summary; submits, or says where to go next. */
async function summaryStep(input: {
  conversation: IndicatorsConversation;
  ctx: ConversationContext;
  body: BodyRecord;
  key: IndicatorsReportKey;
  draft: IndicatorsDraft;
  title: string;
  choice: { late: boolean };
  userId: number;
}): Promise<"done" | "back" | "exemption" | number> {
  const { conversation, ctx, body, key, draft } = input;
  const t = ctx.t;
  const lang = ctx.lang as Lang;
  const annual = key.kind === "annual";
  const methodology = ctx.methodology.forPeriod(key.periodKey);
  const due = dueIndicators(methodology, key.kind, body.kind, annual && draft.p1Exempt === true);
  const variants = ctx.config.methodologyVariants;
  const score = scoreIndicatorsDraft(methodology, {
    kind: key.kind,
    bodyKind: body.kind,
    draft,
    variants,
  });
  const text = summaryText({
    methodology,
    title: input.title,
    score,
    draft,
    due,
    late: input.choice.late,
    t,
    lang,
  });
  await say(ctx, text, summaryKeyboard(t));
  for (;;) {
    const answer = await waitInput(conversation);
    const data = answer.kind === "button" ? answer.data : "";
    if (data === "ind:back") return "back";
    if (data === "ind:list") return pickIndicator(conversation, answer.ctx, draft, due, annual);
    if (data === "ind:quit") {
      await say(answer.ctx, t("indicators:summary.keptDraft"));
      return "done";
    }
    if (data !== "ind:submit") {
      await say(answer.ctx, t("indicators:input.useButtons"));
      continue;
    }
    const result: SubmitIndicatorsResult = await conversation.external((o) =>
      submitIndicatorsReport(o.repos, o.methodology, {
        key,
        userId: input.userId,
        draft,
        now: o.now(),
        zone: o.config.timeZone,
        variants: o.config.methodologyVariants,
      }),
    );
    if (!result.ok) {
      await say(answer.ctx, t(`indicators:submit.${result.reason}`));
      if (result.reason === "alreadyAccepted") return "done";
      continue;
    }
    const lines = [
      t("indicators:submit.done", { report: input.title, version: result.version }),
      t("indicators:summary.total", { points: pointsText(result.score?.total ?? 0, t) }),
    ];
    if (result.late) lines.push(t("indicators:submit.late"));
    await say(answer.ctx, lines.join("\n"));
    return "done";
  }
}
