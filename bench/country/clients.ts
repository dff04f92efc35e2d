// What a person does in the bot and in the dashboard, played in-process against the real code:
// the bot as main.ts builds it (every middleware and feature, Bot API calls answered here), and
// the dashboard's HTTP route behind a real server, its requests signed as Telegram signs them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { createBot } from "../../src/bot/create-bot.ts";
import { botDepsFromRepositories } from "../../src/bot/database-deps.ts";
import type { Config } from "../../src/config.ts";
import { dashboardRoute } from "../../src/dashboard/http.ts";
import type { Repositories } from "../../src/db/index.ts";
import type { MethodologyBook } from "../../src/domain/methodology/book.ts";
import { createLogger } from "../../src/logger.ts";
import { filesOnly } from "../../src/methodology/shelf.ts";
import { initDataFor } from "../../test/support/init-data.ts";

/** A person writing to the bot: sends a text, resolves once the bot handled it. */
export interface BotClient {
  send(telegramId: number, text: string): Promise<{ calls: string[]; texts: string[] }>;
}

let nextUpdateId = 1;
let nextMessageId = 1;

/** The bot with every feature, its Bot API answered in memory. */
export function botClient(repos: Repositories, config: Config, now: Date, book: MethodologyBook) {
  const bot = createBot({
    config,
    logger: createLogger({ level: "silent" }),
    botInfo: {
      id: 1,
      is_bot: true,
      first_name: "Adaldyq",
      username: "adaldyq_bot",
      can_join_groups: false,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
    },
    clock: () => now,
    methodology: filesOnly(book),
    rateLimit: false,
    ...botDepsFromRepositories(repos),
  });
  let calls: string[] = [];
  let texts: string[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push(method);
    const p = payload as { chat_id?: number; text?: string; caption?: string };
    if (p.text ?? p.caption) texts.push(String(p.text ?? p.caption));
    const message = {
      message_id: nextMessageId++,
      date: Math.floor(now.getTime() / 1000),
      chat: { id: p.chat_id ?? 0, type: "private" as const, first_name: "P" },
      text: p.text ?? "",
    };
    return {
      ok: true,
      result: method.startsWith("send") || method.startsWith("edit") ? message : true,
    } as never;
  });
  const client: BotClient = {
    async send(telegramId, text) {
      calls = [];
      texts = [];
      const command = /^\/\w+/.exec(text)?.[0];
      const update: Update = {
        update_id: nextUpdateId++,
        message: {
          message_id: nextMessageId++,
          date: Math.floor(now.getTime() / 1000),
          chat: { id: telegramId, type: "private", first_name: "P" },
          from: { id: telegramId, is_bot: false, first_name: "P", language_code: "ru" },
          text,
          ...(command
            ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] }
            : {}),
        },
      };
      await bot.handleUpdate(update);
      return { calls, texts };
    },
  };
  return client;
}

/** The dashboard's API on a local server; `get` asks it as the person with that Telegram id. */
export async function dashboardClient(deps: {
  repos: Repositories;
  config: Config;
  now: Date;
  book: MethodologyBook;
}): Promise<{
  get(telegramId: number, path: string): Promise<{ status: number; bytes: number }>;
  close(): Promise<void>;
}> {
  const empty = { type: "text/plain", body: Buffer.alloc(0), gzip: Buffer.alloc(0), etag: '"0"' };
  const route = dashboardRoute({
    path: "/dashboard/",
    botToken: deps.config.botToken,
    authMaxAgeSeconds: 3600,
    zone: deps.config.timeZone,
    methodologyVariants: deps.config.methodologyVariants,
    methodology: () => deps.book,
    repos: deps.repos,
    // Only the API is asked: the page's files are not built.
    assets: { html: empty, js: empty, css: empty },
    logger: createLogger({ level: "silent" }),
    clock: () => deps.now,
  });
  const server: Server = createServer((req, res) => void route.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    async get(telegramId, path) {
      const initData = initDataFor({ id: telegramId }, deps.config.botToken, deps.now);
      const response = await fetch(`http://127.0.0.1:${port}/dashboard/api/${path}`, {
        headers: { authorization: `tma ${initData}` },
      });
      const body = await response.arrayBuffer();
      return { status: response.status, bytes: body.byteLength };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
