import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, runMainUntilExit, startBotProcess } from "../support/bot-process.ts";
import { type Emulator, startEmulator } from "../support/emulator.ts";
import { findFreePort } from "../support/free-port.ts";

describe("the bot process with long polling", () => {
  let emulator: Emulator;
  let bot: BotProcess;
  let httpPort: number;

  beforeAll(async () => {
    emulator = await startEmulator();
    httpPort = await findFreePort();
    bot = await startBotProcess({
      emulator,
      env: { HTTP_PORT: String(httpPort), HOST: "127.0.0.1" },
      // This bot creates and migrates its database at start, as on a first `npm start`.
      emptyDatabase: true,
    });
  });

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  it("offers the language choice on /start, preselected from Telegram's language", async () => {
    const user = emulator.user({ userId: 101, firstName: "Айгүл", languageCode: "kk" });
    await user.command("start");
    const message = await user.waitFor((m) => m.keyboard !== undefined);
    expect(message.text).toContain("Сәлеметсіз бе, Айгүл!");
    expect(message.keyboard?.flat().map((b) => b.text)).toEqual(["✓ Қазақша", "Русский"]);
  });

  it("greets in the language the user chooses, and again after changing it", async () => {
    const user = emulator.user({ userId: 102, firstName: "Ivan", languageCode: "en" });
    await user.command("start");
    await user.waitFor(/Здравствуйте, Ivan!/);

    await user.press("Қазақша");
    const kazakh = await user.waitFor(/Сәлеметсіз бе, Ivan!/);
    expect(kazakh.edited).toBe(true);
    expect(user.lastKeyboard()?.flat()[0]?.text).toBe("✓ Қазақша");

    await user.press("Русский");
    await user.waitFor(/Здравствуйте, Ivan!/);
    await user.command("lang");
    await user.waitFor(/Текущий язык: русский/);
  });

  it("handles an update delivered twice only once", async () => {
    const user = emulator.user({ userId: 103, languageCode: "ru" });
    const updateId = await user.command("start");
    await user.waitFor(/Здравствуйте/);
    await emulator.redeliver(updateId);
    // Updates of one chat are handled in order: once /lang is answered, the copy was seen.
    await user.command("lang");
    await user.waitFor(/Текущий язык/);
    expect(user.messages().filter((m) => m.text.includes("Здравствуйте"))).toHaveLength(1);
  });

  it("publishes the command menu in Kazakh and Russian", () => {
    expect(emulator.myCommands("kk")).toContainEqual({
      command: "lang",
      description: "Тілді өзгерту",
    });
    expect(emulator.myCommands("ru")).toContainEqual({
      command: "lang",
      description: "Сменить язык",
    });
  });

  it("answers /healthz and /readyz", async () => {
    const health = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${httpPort}/readyz`);
    expect(ready.status).toBe(200);
  });

  it("remembers the language choice and handled updates after a crash", async () => {
    const user = emulator.user({ userId: 104, firstName: "Асель", languageCode: "ru" });
    const start = await user.command("start");
    await user.waitFor(/Здравствуйте/);
    const choice = await user.press("Қазақша");
    await user.waitFor(/Сәлеметсіз бе/);
    await bot.waitForUpdateHandled(choice);

    await bot.kill();
    await bot.start();
    await emulator.redeliver(start);
    await user.command("lang");
    await user.waitFor(/Қазіргі тіл: қазақ тілі/);
    // The redelivered /start would have sent a second greeting.
    expect(user.messages().filter((m) => m.text.includes("Сәлеметсіз бе"))).toHaveLength(1);
  });

  it("stops gracefully on SIGTERM with exit code 0", async () => {
    expect(await bot.stop()).toBe(0);
    await bot.start();
  });
});

describe("the bot process with a webhook", () => {
  const secret = "test_secret-123";
  let emulator: Emulator;
  let bot: BotProcess;
  let webhookUrl: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    const port = await findFreePort();
    webhookUrl = `http://127.0.0.1:${port}/telegram/webhook`;
    bot = await startBotProcess({
      emulator,
      env: {
        WEBHOOK_URL: webhookUrl,
        WEBHOOK_SECRET: secret,
        PORT: String(port),
        HOST: "127.0.0.1",
      },
    });
  });

  afterAll(async () => {
    await bot?.dispose();
    await emulator?.stop();
  });

  const post = (headers: Record<string, string>) =>
    fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ update_id: 999_999 }),
    });

  it("registers the webhook with its secret and as many connections as Telegram allows", () => {
    expect(emulator.webhook).toEqual({ url: webhookUrl, secret, maxConnections: 100 });
  });

  it("rejects requests without the secret token or with a wrong one", async () => {
    expect((await post({})).status).toBe(403);
    expect((await post({ "x-telegram-bot-api-secret-token": "wrong" })).status).toBe(403);
  });

  it("accepts requests with the right secret token", async () => {
    expect((await post({ "x-telegram-bot-api-secret-token": secret })).status).toBe(200);
  });

  it("answers a user whose updates arrive through the webhook", async () => {
    const user = emulator.user({ userId: 201, firstName: "Dana", languageCode: "kk" });
    await user.command("start");
    await user.waitFor(/Сәлеметсіз бе, Dana!/);
  });

  it("answers /healthz on the webhook server", async () => {
    const health = await fetch(new URL("/healthz", webhookUrl));
    expect(health.status).toBe(200);
  });

  it("keeps the webhook when it stops, for the other processes behind it", async () => {
    expect(await bot.stop()).toBe(0);
    expect(emulator.webhook).toEqual({ url: webhookUrl, secret, maxConnections: 100 });
  });
});

describe("starting with a bad configuration", () => {
  it("names the missing BOT_TOKEN and exits non-zero", async () => {
    const result = await runMainUntilExit({ TELEGRAM_API_ROOT: "http://127.0.0.1:9" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/^\s*BOT_TOKEN: .*required/m);
  });
});
