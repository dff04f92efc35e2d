// The yardstick of the deadline rush: a minimal grammY bot that answers the rush's 14 steps with the
// real bot's texts and buttons (as it sends them in Russian for October 2026) from memory — no
// database, no i18n, no sessions — in webhook mode like the real bot: 200 at once, the update
// handled in the background, one chat at a time. What the real bot does beyond this is its cost.
// Run by bench/deadline-rush.ts: node --import tsx bench/minimal-bot.ts, with BOT_TOKEN,
// TELEGRAM_API_ROOT, PORT and WEBHOOK_URL (and WEBHOOK_SECRET) in the environment.
import { createServer } from "node:http";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, InlineKeyboard } from "grammy";
import type { Update } from "grammy/types";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

type Stage = "period" | "list" | "date" | "topic" | "participants" | "summary" | "done";
interface Chat {
  stage: Stage;
  /** Which list of the form is open (1–3) or 4 for the files, as the real form numbers them. */
  part: number;
  revision: number;
  day: number;
  topic: string;
  events: string[];
}

const chats = new Map<number, Chat>();

const LIST_INTRO = [
  "",
  "📋 Октябрь 2026 · 1/4 Разъяснительные мероприятия\nИндикатор 4.2.3: разъясняющие и обучающие мероприятия по противодействию коррупции с участием уполномоченного по этике.",
  "📋 Октябрь 2026 · 2/4 Профилактическая работа\nИндикатор 4.2.4: профилактическая работа уполномоченного по этике с должностными лицами, занимающими должности, подверженные коррупционным рискам.",
  "📋 Октябрь 2026 · 3/4 Правовая пропаганда\nИндикатор 4.3.1: мероприятия по правовой пропаганде по методическим рекомендациям Министерства юстиции.",
];
const LIST_HINT = [
  "",
  "Нажмите «➕ Добавить» — или пришлите сразу несколько строк вида «15.10.2026; Конфликт интересов на госслужбе; 25» (дата; тема; число участников), по одной строке на мероприятие. Не было мероприятий — «✅ Готово».",
  "Нажмите «➕ Добавить» — или пришлите сразу несколько строк вида «Главный специалист отдела закупок; 15.10.2026» (должность; дата), по одной строке на должностное лицо. Не было — «✅ Готово».",
  "Нажмите «➕ Добавить», чтобы внести мероприятие, или «✅ Готово», если их не было.",
];
const ASK_DATE =
  "Мероприятие №1: когда оно прошло? Напишите день месяца, например 15 или 15.10.2026.";
const ASK_TOPIC = "Мероприятие №1: какая у него тема?";
const ASK_PARTICIPANTS = "Мероприятие №1: сколько человек участвовало? Напишите число.";

const button = (chat: Chat, text: string, action: string) =>
  InlineKeyboard.text(text, `mr:${chat.revision}:${action}`);

function listScreen(chat: Chat): [string, InlineKeyboard] {
  const events = chat.part === 1 ? chat.events : [];
  const listed = events.length > 0 ? events.join("\n") : "— пока ничего";
  const rows = [[button(chat, "➕ Добавить", "add"), button(chat, "✅ Готово", "done")]];
  if (events.length > 0) rows.push([button(chat, "🗑 Удалить последнее", "undo")]);
  rows.push([button(chat, "⬅ Назад", "back")]);
  const text = `${LIST_INTRO[chat.part]}\n\nВнесено:\n${listed}\n\n${LIST_HINT[chat.part]}`;
  return [text, InlineKeyboard.from(rows)];
}

function filesScreen(chat: Chat): [string, InlineKeyboard] {
  const rows = [
    [button(chat, "📎 Разъяснительные мероприятия (0)", "item:p4.t2.s3")],
    [button(chat, "📎 Профилактическая работа (0)", "item:p4.t2.s4")],
    [button(chat, "📎 Правовая пропаганда (0)", "item:p4.t3.s1")],
    ...chat.events.map((_, i) => [
      button(
        chat,
        `📎 №${i + 1} ${String(chat.day).padStart(2, "0")}.10 ${chat.topic} (0)`,
        "item",
      ),
    ]),
    [button(chat, "➡ Далее", "next")],
    [button(chat, "⬅ Назад", "back")],
  ];
  const text =
    "📋 Октябрь 2026 · 4/4 Подтверждающие материалы\nФото или документы к разделу или к отдельному мероприятию — по желанию. Приложено: 0 файлов.\nВыберите, к чему приложить, или нажмите «➡ Далее».";
  return [text, InlineKeyboard.from(rows)];
}

function summaryScreen(chat: Chat): [string, InlineKeyboard] {
  const points = Math.min(10, chat.events.length * 2);
  const events = chat.events.map((line) => `   ${line} — 2 балла`).join("\n");
  const text = [
    "📋 Отчёт за октябрь 2026 — проверьте перед отправкой",
    "",
    `1. Разъяснительные и обучающие мероприятия (4.2.3): ${chat.events.length} — ${points} балла (не больше 10 баллов в месяц)`,
    events,
    "",
    "2. Профилактическая работа с должностными лицами (4.2.4): 0 — 0 баллов (не больше 10 баллов в месяц)",
    "",
    "3. Правовая пропаганда (4.3.1): 0 — 0 баллов (не больше 20 баллов в месяц)",
    "",
    "📎 Подтверждающие материалы: 0 файлов",
    "",
    `Итого за месяц: ${points} балла (максимум — 40 баллов)`,
    "Срок сдачи: 05.11.2026, 18:00.",
  ].join("\n");
  const keyboard = InlineKeyboard.from([
    [button(chat, "📤 Отправить отчёт", "submit")],
    [button(chat, "✏️ Изменить раздел", "edit"), button(chat, "⏸ Продолжить позже", "cancel")],
    [button(chat, "⬅ Назад", "back")],
  ]);
  return [text, keyboard];
}

/** The screen of the chat's current stage, a problem line above it if given. */
async function show(ctx: Context, chat: Chat, problem?: string): Promise<void> {
  const back = InlineKeyboard.from([[button(chat, "⬅ Назад", "back")]]);
  const [text, keyboard]: [string, InlineKeyboard] =
    chat.stage === "list"
      ? chat.part === 4
        ? filesScreen(chat)
        : listScreen(chat)
      : chat.stage === "summary"
        ? summaryScreen(chat)
        : chat.stage === "date"
          ? [ASK_DATE, back]
          : chat.stage === "topic"
            ? [ASK_TOPIC, back]
            : [ASK_PARTICIPANTS, back];
  await ctx.reply(problem ? `❗ ${problem}\n\n${text}` : text, { reply_markup: keyboard });
}

async function onReport(ctx: Context): Promise<void> {
  const id = ctx.chat?.id;
  if (id === undefined) return;
  chats.set(id, { stage: "period", part: 1, revision: 0, day: 0, topic: "", events: [] });
  const keyboard = InlineKeyboard.from([
    [InlineKeyboard.text("октябрь 2026 — срок 05.11.2026, 18:00", "re:period:0")],
    [InlineKeyboard.text("сентябрь 2026 — с опозданием", "re:period:1")],
    [InlineKeyboard.text("✖ Отмена", "re:stop")],
  ]);
  await ctx.reply("Ежемесячный отчёт уполномоченного по этике. За какой период?", {
    reply_markup: keyboard,
  });
}

async function onButton(ctx: Context, chat: Chat, data: string): Promise<void> {
  await ctx.answerCallbackQuery();
  if (chat.stage === "period") {
    if (data !== "re:period:0") return;
    chat.stage = "list";
    return show(ctx, chat);
  }
  const [, revision, action] = data.split(":");
  // A button of an older screen: show the current one again, as the real form does.
  if (Number(revision) !== chat.revision) return show(ctx, chat);
  chat.revision++;
  if (chat.stage === "list" && action === "add") chat.stage = "date";
  else if (chat.stage === "list" && (action === "done" || action === "next")) {
    if (chat.part < 4) chat.part++;
    else chat.stage = "summary";
  } else if (chat.stage === "summary" && action === "submit") {
    chat.stage = "done";
    const points = Math.min(10, chat.events.length * 2);
    return void (await ctx.reply(
      `✅ Отчёт за октябрь 2026 отправлен (версия 1).\nБаллы за месяц: ${points} балла.\nДо окончания срока (05.11.2026, 18:00) отчёт можно исправить: откройте его снова через /report.`,
    ));
  }
  return show(ctx, chat);
}

async function onText(ctx: Context, chat: Chat, text: string): Promise<void> {
  if (chat.stage === "date") {
    const match = /^(\d{1,2})(?:\.(\d{1,2}))?/.exec(text.trim());
    const day = Number(match?.[1]);
    const month = match?.[2] === undefined ? 10 : Number(match[2]);
    if (!match) return show(ctx, chat, "Это не дата");
    if (month !== 10 || day < 1 || day > 31)
      return show(ctx, chat, "Дата не входит в отчётный месяц (октябрь 2026)");
    chat.day = day;
    chat.stage = "topic";
  } else if (chat.stage === "topic") {
    chat.topic = text.trim();
    chat.stage = "participants";
  } else if (chat.stage === "participants") {
    if (!/^-?\d+$/.test(text.trim())) return show(ctx, chat, "Напишите число цифрами, например: 3");
    const count = Number(text.trim());
    if (count < 1) return show(ctx, chat, "Число должно быть не меньше 1");
    const date = `${String(chat.day).padStart(2, "0")}.10.2026`;
    chat.events.push(`${chat.events.length + 1}. ${date} — ${chat.topic}, ${count} участников`);
    chat.stage = "list";
  } else return;
  chat.revision++;
  return show(ctx, chat);
}

const bot = new Bot(env("BOT_TOKEN"), { client: { apiRoot: env("TELEGRAM_API_ROOT") } });
bot.use(sequentialize((ctx: Context) => String(ctx.chat?.id ?? "")));
bot.command("report", onReport);
bot.on("callback_query:data", async (ctx) => {
  const chat = chats.get(ctx.chat?.id ?? 0);
  if (chat) await onButton(ctx, chat, ctx.callbackQuery.data);
  else await ctx.answerCallbackQuery();
});
bot.on("message:text", async (ctx) => {
  const chat = chats.get(ctx.chat.id);
  if (chat) await onText(ctx, chat, ctx.message.text);
});
bot.catch((error) => process.stderr.write(`update failed: ${String(error.error)}\n`));

await bot.init();
const secret = process.env.WEBHOOK_SECRET ?? "";
const server = createServer((req, res) => {
  if (req.method !== "POST" || req.headers["x-telegram-bot-api-secret-token"] !== secret) {
    res.writeHead(403).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const update = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update;
    res.writeHead(200).end();
    void bot.handleUpdate(update);
  });
});
server.listen(Number(env("PORT")), "127.0.0.1", async () => {
  await bot.api.setWebhook(env("WEBHOOK_URL"), { secret_token: secret });
  process.stdout.write(`bot @${bot.botInfo.username} is running\n`);
});
const stop = () => server.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
