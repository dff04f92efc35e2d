// A lean stand-in for test/support's EmulatedUser, for hundreds of users at once: one listener for
// all chats (EmulatedUser scans every stored message per chat on every change, which is quadratic).
import type { Emulator } from "../test/support/emulator.ts";

interface Stored {
  messageId: number;
  message: Record<string, unknown>;
}

interface Button {
  text: string;
  callback_data?: string;
}

interface Waiter {
  test: (text: string) => boolean;
  resolve: (text: string) => void;
}

/** Routes every bot message (new or edited) to the chat's single waiter. */
export class RushTracker {
  private seen = 0;
  private readonly waiters = new Map<number, Waiter>();
  private readonly byId = new Map<string, Stored>();
  private readonly lastKeyboard = new Map<number, Stored>();
  private readonly lastText = new Map<number, string>();

  constructor(emulator: Emulator) {
    const server = emulator.server as unknown as {
      storage: { botMessages: Stored[] };
      editMessageText: (raw: Record<string, unknown>) => void;
      editMessageReplyMarkup: (raw: Record<string, unknown>) => void;
    };
    emulator.onBotChange(() => {
      const all = server.storage.botMessages;
      for (; this.seen < all.length; this.seen++) {
        const stored = all[this.seen];
        if (!stored) continue;
        this.byId.set(`${stored.message.chat_id}:${stored.messageId}`, stored);
        this.changed(stored);
      }
    });
    for (const method of ["editMessageText", "editMessageReplyMarkup"] as const) {
      const edit = server[method].bind(server);
      server[method] = (raw) => {
        edit(raw);
        const stored = this.byId.get(`${raw.chat_id}:${raw.message_id}`);
        if (stored) this.changed(stored);
      };
    }
  }

  /** Registers what the next answer in a chat must look like; resolves with its text. */
  expect(chatId: number, match: string | RegExp, timeoutMs: number): Promise<string> {
    const test =
      typeof match === "string"
        ? (text: string) => text.includes(match)
        : (text: string) => match.test(text);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(chatId);
        const last = (this.lastText.get(chatId) ?? "(none)").slice(0, 80).replace(/\n/g, " ");
        reject(
          new Error(
            `chat ${chatId}: no answer matching ${String(match)} in ${timeoutMs} ms; last: ${last}`,
          ),
        );
      }, timeoutMs);
      this.waiters.set(chatId, {
        test,
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
      });
    });
  }

  /** The callback data and message of the latest keyboard's button labelled `label` (or containing it). */
  button(chatId: number, label: string): { data: string; stored: Stored } {
    const stored = this.lastKeyboard.get(chatId);
    const markup = stored?.message.reply_markup as { inline_keyboard?: Button[][] } | undefined;
    const buttons = markup?.inline_keyboard?.flat() ?? [];
    const found =
      buttons.find((b) => b.text === label) ?? buttons.find((b) => b.text.includes(label));
    if (!stored || !found?.callback_data) {
      throw new Error(
        `chat ${chatId}: no button "${label}" among ${buttons.map((b) => b.text).join(" | ")}`,
      );
    }
    return { data: found.callback_data, stored };
  }

  private changed(stored: Stored): void {
    const chatId = Number(stored.message.chat_id);
    const markup = stored.message.reply_markup as { inline_keyboard?: unknown } | undefined;
    if (markup?.inline_keyboard) this.lastKeyboard.set(chatId, stored);
    const waiter = this.waiters.get(chatId);
    const text = String(stored.message.text ?? stored.message.caption ?? "");
    this.lastText.set(chatId, text);
    if (waiter?.test(text)) {
      this.waiters.delete(chatId);
      waiter.resolve(text);
    }
  }
}

/** One simulated commissioner: sends, presses and waits through the shared tracker. */
export class RushUser {
  constructor(
    private readonly emulator: Emulator,
    private readonly tracker: RushTracker,
    readonly userId: number,
    private readonly timeoutMs: number,
  ) {}

  /** Sends a text (a /command when it starts with "/") and waits for the matching answer. */
  async say(text: string, expected: string | RegExp): Promise<string> {
    const answer = this.tracker.expect(this.userId, expected, this.timeoutMs);
    const command = /^\/\w+/.exec(text)?.[0];
    await this.emulator.deliverUserUpdate({
      message: {
        date: Math.floor(Date.now() / 1000),
        from: this.from(),
        chat: this.chat(),
        text,
        ...(command
          ? { entities: [{ type: "bot_command", offset: 0, length: command.length }] }
          : {}),
      },
    });
    return answer;
  }

  /** Presses a button of the latest keyboard and waits for the matching answer. */
  async press(label: string, expected: string | RegExp): Promise<string> {
    const { data, stored } = this.tracker.button(this.userId, label);
    const answer = this.tracker.expect(this.userId, expected, this.timeoutMs);
    await this.emulator.deliverUserUpdate({
      callback_query: {
        from: this.from(),
        chat_instance: String(this.userId),
        data,
        message: {
          message_id: stored.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: this.chat(),
          from: { id: 666, is_bot: true, first_name: "Bot" },
          text: stored.message.text,
          reply_markup: stored.message.reply_markup,
        },
      },
    });
    return answer;
  }

  private from() {
    return { id: this.userId, is_bot: false, first_name: `C${this.userId}`, language_code: "ru" };
  }

  private chat() {
    return { id: this.userId, type: "private", first_name: `C${this.userId}` };
  }
}

// The slice of Express that telegram-test-api's web server is.
interface ExpressApp {
  all(
    path: string,
    handler: (req: { params: Record<string, string> }, res: unknown, next: () => void) => void,
  ): void;
  _router: { stack: { route?: unknown }[] };
}

/** Counts the bot's Bot API calls by method from now on (into the map returned). */
export function countApiCalls(emulator: Emulator): Map<string, number> {
  const calls = new Map<string, number>();
  const app = (emulator.server as unknown as { webServer: ExpressApp }).webServer;
  const stack = app._router.stack;
  const before = stack.length;
  app.all("/bot:token/:method", (req, _res, next) => {
    const method = req.params.method ?? "?";
    calls.set(method, (calls.get(method) ?? 0) + 1);
    next();
  });
  // In front of every route, as test/support/emulator-routes.ts puts its own.
  const added = stack.splice(before);
  const firstRoute = stack.findIndex((layer) => layer.route !== undefined);
  stack.splice(firstRoute === -1 ? stack.length : firstRoute, 0, ...added);
  return calls;
}
