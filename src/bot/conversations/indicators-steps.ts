import { InlineKeyboard } from "grammy";
import type { InputKind } from "../../domain/methodology/types.ts";
import { describeProblem, type Problem } from "../../domain/problems.ts";
import { parseIndicatorValue } from "../../domain/scoring/parse-value.ts";
import type { ShareValue } from "../../domain/scoring/values.ts";
import {
  applyChecklistAction,
  checklistKeyboard,
  keepTicks,
  readChecklistAction,
} from "./indicators-checklist.ts";
import { describeShare } from "./indicators-display.ts";
import { readDoneOfTotal, readNumber, say } from "./indicators-input.ts";
import {
  addNavRows,
  isNav,
  nextInput,
  pointsOf,
  type StepEnv,
  type StepOutcome,
  screenText,
  showScreen,
} from "./indicators-screen.ts";

type Step = (env: StepEnv) => Promise<StepOutcome | "restart">;

/** Sends the domain's problems, one line each, and asks again. */
async function refuse(env: StepEnv, problems: readonly Problem[]): Promise<void> {
  const lines = problems.map((p) => `⚠️ ${describeProblem(p, env.ctx.t)}`);
  await say(env.ctx, [...lines, env.ctx.t("indicators:input.tryAgain")].join("\n"));
}

function check(env: StepEnv, raw: unknown) {
  return parseIndicatorValue(env.methodology, env.def.id, raw);
}

function yesNoKeyboard(env: StepEnv): InlineKeyboard {
  return new InlineKeyboard()
    .text(env.ctx.t("indicators:yes"), "ind:y")
    .text(env.ctx.t("indicators:no"), "ind:n");
}

/** Waits for yes or no; moves pass through. */
async function waitYesNo(env: StepEnv): Promise<boolean | StepOutcome> {
  for (;;) {
    const input = await nextInput(env);
    if (isNav(input)) return input;
    if (input.kind === "button" && (input.data === "ind:y" || input.data === "ind:n"))
      return input.data === "ind:y";
    await say(env.ctx, env.ctx.t("indicators:input.useButtons"));
  }
}

const flagStep: Step = async (env) => {
  await showScreen(env, env.ctx.t("indicators:ask.flag"), yesNoKeyboard(env));
  const answer = await waitYesNo(env);
  return typeof answer === "boolean" ? { answer } : answer;
};

interface FieldSpec {
  name: string;
  quick: number[];
}

/**
 * Asks whole numbers one after another. After each, the value so far (later fields as 0) is
 * checked against the indicator's schema, so an out-of-order number is refused at once and
 * the earlier answers are kept.
 */
async function askFields(
  env: StepEnv,
  fields: readonly FieldSpec[],
  fixed: Record<string, unknown>,
  firstOnScreen: boolean,
): Promise<StepOutcome | "restart"> {
  const t = env.ctx.t;
  const filled: Record<string, number> = {};
  const zeros = Object.fromEntries(fields.map((f) => [f.name, 0]));
  for (const [index, field] of fields.entries()) {
    const keyboard = new InlineKeyboard();
    for (const n of field.quick) keyboard.text(String(n), `ind:v:${n}`);
    const prompt = t(`indicators:field.${field.name}`);
    if (index === 0 && firstOnScreen) await showScreen(env, prompt, keyboard);
    else await say(env.ctx, prompt, keyboard.row().text(t("indicators:nav.cancel"), "ind:abort"));
    for (;;) {
      const input = await nextInput(env);
      if (isNav(input)) return input;
      if (input.kind === "button" && input.data === "ind:abort") return "restart";
      const typed =
        input.kind === "button"
          ? readNumber(input.data.replace(/^ind:v:/, ""))
          : input.kind === "text"
            ? readNumber(input.text)
            : undefined;
      if (typed === undefined) {
        await say(env.ctx, t("scoring:report.notANumber"));
        continue;
      }
      const result = check(env, { ...zeros, ...fixed, ...filled, [field.name]: typed });
      const problems = result.ok ? [] : result.problems.filter((p) => p.code !== "missingField");
      if (problems.length > 0) {
        await refuse(env, problems);
        continue;
      }
      filled[field.name] = typed;
      break;
    }
  }
  const result = check(env, { ...fixed, ...filled });
  if (!result.ok) {
    await refuse(env, result.problems);
    return "restart";
  }
  return { answer: result.value };
}

const countStep: Step = async (env) => {
  const t = env.ctx.t;
  const brackets = env.def.rule.kind === "countBrackets";
  const keyboard = new InlineKeyboard().text("0", "ind:v:0");
  if (brackets) keyboard.text(t("indicators:notReconciled"), "ind:nr");
  const question = env.def.question?.[env.ctx.lang as "kk" | "ru"];
  const ask = brackets ? t("indicators:ask.brackets") : (question ?? t("indicators:ask.count"));
  await showScreen(env, ask, keyboard);
  for (;;) {
    const input = await nextInput(env);
    if (isNav(input)) return input;
    if (input.kind === "button" && input.data === "ind:nr" && brackets)
      return { answer: undefined };
    const typed =
      input.kind === "button" && input.data === "ind:v:0"
        ? 0
        : input.kind === "text"
          ? readNumber(input.text)
          : undefined;
    if (typed === undefined) {
      await say(env.ctx, t("scoring:report.notANumber"));
      continue;
    }
    const result = check(env, typed);
    if (result.ok) return { answer: result.value };
    await refuse(env, result.problems);
  }
};

/** Ticks over the directory list: the share is what was ticked of the whole list. */
async function checklistShare(env: StepEnv): Promise<StepOutcome> {
  const t = env.ctx.t;
  const items = env.members;
  let state = { ticked: keepTicks(items, env.draft.selections[env.def.id] ?? []), page: 0 };
  const labels = {
    all: t("indicators:checklist.all"),
    none: t("indicators:checklist.none"),
    done: t("indicators:checklist.done"),
  };
  const render = () => {
    const share: ShareValue = { done: state.ticked.length, total: items.length };
    const live = t("indicators:checklist.ticked", {
      summary: describeShare(share, pointsOf(env, share), t),
    });
    const text = screenText(env, t(`indicators:checklist.hint.${env.def.countsOver}`), live);
    const keyboard = addNavRows(checklistKeyboard(items, state.ticked, state.page, labels), t);
    return { text, keyboard };
  };
  const first = render();
  await env.ctx.reply(first.text, { reply_markup: first.keyboard });
  for (;;) {
    const input = await nextInput(env);
    if (isNav(input)) return input;
    const action = input.kind === "button" ? readChecklistAction(input.data) : undefined;
    if (!action) {
      await say(env.ctx, t("indicators:input.useButtons"));
      continue;
    }
    if (action.kind === "done") {
      return {
        answer: { done: state.ticked.length, total: items.length },
        selection: state.ticked,
      };
    }
    const next = applyChecklistAction(items, state, action);
    // Telegram refuses an edit that changes nothing.
    if (JSON.stringify(next) === JSON.stringify(state)) continue;
    state = next;
    const view = render();
    await input.ctx.editMessageText(view.text, { reply_markup: view.keyboard });
  }
}

/** Typed "done of total" where the directory has no list to tick. */
async function typedShare(env: StepEnv): Promise<StepOutcome> {
  const t = env.ctx.t;
  await showScreen(env, t(`indicators:typedShare.${env.def.countsOver ?? "plan"}`));
  for (;;) {
    const input = await nextInput(env);
    if (isNav(input)) return input;
    const share = input.kind === "text" ? readDoneOfTotal(input.text) : undefined;
    if (!share) {
      await say(env.ctx, t("indicators:typedShare.format"));
      continue;
    }
    const result = check(env, share);
    if (result.ok) return { answer: result.value };
    await refuse(env, result.problems);
  }
}

const shareStep: Step = (env) =>
  env.members.length > 0 && env.def.countsOver !== "employees"
    ? checklistShare(env)
    : typedShare(env);

const zeroQuick = (name: string): FieldSpec => ({ name, quick: [0] });

const giftsStep: Step = async (env) => {
  await showScreen(env, env.ctx.t("indicators:ask.gifts"), yesNoKeyboard(env));
  const provided = await waitYesNo(env);
  if (typeof provided !== "boolean") return provided;
  if (!provided) return { answer: { provided: false, facts: 0 } };
  return askFields(env, [zeroQuick("facts")], { provided: true }, false);
};

const commissionStep: Step = async (env) => {
  await showScreen(env, env.ctx.t("indicators:ask.commission"), yesNoKeyboard(env));
  const held = await waitYesNo(env);
  if (typeof held !== "boolean") return held;
  if (!held) return { answer: { held: false } };
  const known = env.members.length;
  return askFields(
    env,
    [{ name: "districts", quick: known > 0 ? [known] : [] }, zeroQuick("districtsNotHeld")],
    { held: true },
    false,
  );
};

/** One generic step per input kind; monthly-only kinds never reach this conversation. */
export const STEPS: Record<InputKind, Step> = {
  flag: flagStep,
  share: shareStep,
  count: countStep,
  offenceReports: (env) =>
    askFields(env, [zeroQuick("administrative"), zeroQuick("criminal")], {}, true),
  risks: (env) =>
    askFields(
      env,
      [zeroQuick("identified"), zeroQuick("eliminated"), zeroQuick("completed")],
      {},
      true,
    ),
  gifts: giftsStep,
  commission: commissionStep,
  training: (env) => askFields(env, [zeroQuick("headcount"), zeroQuick("trained")], {}, true),
  propaganda: async () => ({ nav: "next" }),
};

/** Asks one indicator until it is answered or the user moves on. */
export async function askIndicator(env: StepEnv): Promise<StepOutcome> {
  for (;;) {
    const outcome = await STEPS[env.def.input](env);
    if (outcome !== "restart") return outcome;
  }
}
