import { setTimeout as sleep } from "node:timers/promises";
import { type Conversation, createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BotContext, ConversationContext } from "../../../src/bot/context.ts";
import { type BotDeps, createBot } from "../../../src/bot/create-bot.ts";
import { features } from "../../../src/bot/features/index.ts";
import { loadConfig } from "../../../src/config.ts";
import { type RunningBot, runBot } from "../../../src/runtime/run.ts";
import { type Emulator, startEmulator } from "../../support/emulator.ts";
import { createMemoryLogger } from "../../support/memory-logger.ts";
import { createMemoryState } from "../../support/memory-state.ts";

async function askName(
  conversation: Conversation<BotContext, ConversationContext>,
  ctx: ConversationContext,
) {
  await ctx.reply(ctx.t("language.choose"));
  const answer = await conversation.waitFor("message:text");
  await answer.reply(`name=${answer.message.text} lang=${answer.lang}`);
}

const testFeature = new Composer<BotContext>();
testFeature.use(createConversation(askName, "askName"));
testFeature.command("name", (ctx) => ctx.conversation.enter("askName"));
testFeature.command("boom", () => {
  throw new Error("feature exploded");
});
testFeature.on("message:text", (ctx) => ctx.reply(`echo ${ctx.message.text}`));

let emulator: Emulator;
let running: RunningBot | undefined;
const log = createMemoryLogger();

beforeAll(async () => {
  emulator = await startEmulator();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
afterAll(async () => {
  await emulator.stop();
});

async function startBot(deps: Partial<BotDeps> = {}): Promise<void> {
  const result = loadConfig({
    BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    POLL_IDLE_DELAY_MS: "20",
  });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  const { config } = result;
  const bot = createBot({
    config,
    logger: log.logger,
    features: [...features, testFeature],
    ...deps,
  });
  running = await runBot(bot, { config, logger: log.logger, commands: [] });
}

async function handled(updateId: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!log.lines.some((l) => l.msg === "update handled" && l.update_id === updateId)) {
    if (Date.now() > deadline) throw new Error(`update ${updateId} was not handled`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the platform middleware", () => {
  it("apologises in the user's language when a feature fails, and logs the error", async () => {
    await startBot();
    const user = emulator.user({ userId: 301, languageCode: "kk" });
    await user.command("boom");
    await user.waitFor(/^Кешіріңіз, бірдеңе дұрыс болмады/);
    const failure = log.lines.find((l) => l.msg === "a feature failed while handling an update");
    expect(failure).toMatchObject({
      user_id: 301,
      update_type: "message",
      err: { message: "feature exploded" },
    });
  });

  it("tells a flooding user once to slow down and ignores the excess", async () => {
    await startBot({ rateLimit: { limit: 2, timeFrameMs: 60_000 } });
    const user = emulator.user({ userId: 302, languageCode: "ru" });
    for (const text of ["a", "b", "c"]) await user.send(text);
    const last = await user.send("d");
    await handled(last);
    // The warning is sent without holding up the update that triggered it.
    const deadline = Date.now() + 5_000;
    while (user.messages().length < 3 && Date.now() < deadline) await sleep(10);
    expect(user.messages().map((m) => m.text)).toEqual([
      "echo a",
      "echo b",
      "Вы отправляете сообщения слишком часто. Подождите несколько секунд.",
    ]);
  });

  it("prefers the stored language over Telegram's language_code", async () => {
    const state = createMemoryState();
    await state.setUserLanguage(303, "kk");
    await startBot(state);
    const user = emulator.user({ userId: 303, firstName: "Ерлан", languageCode: "ru" });
    await user.command("start");
    await user.waitFor(/Сәлеметсіз бе, Ерлан!/);
  });

  it("resumes a conversation from its storage in a new bot, in the user's language", async () => {
    const state = createMemoryState();
    await startBot(state);
    const user = emulator.user({ userId: 304, languageCode: "kk" });
    const enter = await user.command("name");
    await user.waitFor("Тілді таңдаңыз");
    await handled(enter);
    await running?.stop();
    expect(state.conversations.size).toBe(1);

    await startBot(state);
    await user.send("Дана");
    await user.waitFor("name=Дана lang=kk");
  });

  it("skips an update that the de-duplication store has seen", async () => {
    const state = createMemoryState();
    await startBot(state);
    const user = emulator.user({ userId: 305, languageCode: "ru" });
    const first = await user.send("once");
    await user.waitFor("echo once");
    await emulator.redeliver(first);
    const next = await user.send("twice");
    await handled(next);
    expect(user.messages().map((m) => m.text)).toEqual(["echo once", "echo twice"]);
  });
});
