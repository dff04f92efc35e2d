import type { BotMessage, Emulator, InlineButton } from "./emulator.ts";

/** Who the simulated user is; the private chat id defaults to the user id. */
export interface UserOptions {
  userId: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** Telegram's language_code, e.g. "kk", "ru", "en". */
  languageCode?: string;
  chatId?: number;
  /** A group chat (with chatId) instead of the private chat with the bot. */
  group?: boolean;
}

export type MessageMatch = RegExp | string | ((message: BotMessage) => boolean);

/** A Telegram user in a private chat with the bot. Every action returns the update_id it sent. */
export class EmulatedUser {
  readonly chatId: number;
  /** Bot messages sent or edited after this sequence number count for waitFor. */
  private cursor = 0;

  constructor(
    private readonly emulator: Emulator,
    readonly options: UserOptions,
  ) {
    this.chatId = options.chatId ?? options.userId;
  }

  /** Sends a text message. */
  send(text: string): Promise<number> {
    return this.deliverMessage({ text });
  }

  /** Sends /name (with an optional payload, as from a t.me/bot?start=payload link). */
  command(name: string, payload?: string): Promise<number> {
    const text = payload === undefined ? `/${name}` : `/${name} ${payload}`;
    const entities = [{ type: "bot_command", offset: 0, length: name.length + 1 }];
    return this.deliverMessage({ text, entities });
  }

  /** Sends a document; the bot can download the bytes with getFile. */
  sendDocument(document: { filename: string; data: Buffer; caption?: string }): Promise<number> {
    const fileId = this.emulator.storeUpload(document.data, document.filename);
    return this.deliverMessage({
      document: {
        file_id: fileId,
        file_unique_id: fileId,
        file_name: document.filename,
        file_size: document.data.length,
      },
      ...(document.caption === undefined ? {} : { caption: document.caption }),
    });
  }

  /**
   * Presses an inline button of the latest bot message that has an inline keyboard: the button
   * whose text equals `button`, else the only one containing it (or matching the RegExp).
   */
  press(button: string | RegExp): Promise<number> {
    const message = this.messages()
      .filter((m) => m.keyboard !== undefined)
      .at(-1);
    if (!message) throw new Error(`no bot message with an inline keyboard in chat ${this.chatId}`);
    const found = findButton(message.keyboard ?? [], button);
    if (found.callback_data === undefined) throw new Error(`button "${found.text}" has no data`);
    this.cursor = this.emulator.currentSequence();
    return this.emulator.deliverUserUpdate({
      callback_query: {
        from: this.from(),
        chat_instance: String(this.chatId),
        data: found.callback_data,
        message: {
          message_id: message.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: this.chat(),
          from: { id: 666, is_bot: true, first_name: "Bot" },
          text: message.text,
          reply_markup: { inline_keyboard: message.keyboard },
        },
      },
    });
  }

  /**
   * Presses a button with any callback data, as a forged or an old client could send, on the
   * given bot message (else on a message 1 that need not exist).
   */
  pressData(data: string, on?: BotMessage): Promise<number> {
    this.cursor = this.emulator.currentSequence();
    return this.emulator.deliverUserUpdate({
      callback_query: {
        from: this.from(),
        chat_instance: String(this.chatId),
        data,
        message: {
          message_id: on?.messageId ?? 1,
          date: Math.floor(Date.now() / 1000),
          chat: this.chat(),
          from: { id: 666, is_bot: true, first_name: "Bot" },
          text: on?.text ?? "",
        },
      },
    });
  }

  /**
   * Resolves with the first bot message in this chat, sent or edited since this user's last
   * action, that matches (a RegExp or substring of the text, or a predicate).
   */
  waitFor(match: MessageMatch, options: { timeoutMs?: number } = {}): Promise<BotMessage> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const test = toPredicate(match);
    const since = this.cursor;
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.emulator.changedSince(since, this.chatId).find(test);
        if (!found) return;
        finish();
        resolve(found);
      };
      const unsubscribe = this.emulator.onBotChange(check);
      const timer = setTimeout(() => {
        finish();
        const recent = this.messages()
          .slice(-5)
          .map((m) => `  #${m.messageId}${m.edited ? " (edited)" : ""}: ${m.text}`);
        reject(
          new Error(
            `user ${this.options.userId}: no bot message matching ${String(match)} within ${timeoutMs} ms.\nLatest messages:\n${recent.join("\n") || "  (none)"}`,
          ),
        );
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      check();
    });
  }

  /** Resolves with the bot's answer to a button this user pressed (an alert or a toast) that matches. */
  waitForCallbackAnswer(match: RegExp | string, timeoutMs = 10_000): Promise<string> {
    const test = (text: string) =>
      typeof match === "string" ? text.includes(match) : match.test(text);
    const find = () =>
      this.emulator.callbackAnswers.find((a) => a.chatId === this.chatId && test(a.text ?? ""));
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (!found) return;
        finish();
        resolve(found.text ?? "");
      };
      const unsubscribe = this.emulator.onBotChange(check);
      const timer = setTimeout(() => {
        finish();
        reject(
          new Error(`user ${this.options.userId}: no button answer matching ${String(match)}`),
        );
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      check();
    });
  }

  /** Every bot message in this chat, as it looks now. */
  messages(): BotMessage[] {
    return this.emulator.botMessages(this.chatId);
  }

  /** The latest bot message in this chat. */
  lastMessage(): BotMessage | undefined {
    return this.messages().at(-1);
  }

  /** The inline keyboard of the latest bot message that has one. */
  lastKeyboard(): InlineButton[][] | undefined {
    return this.messages()
      .filter((m) => m.keyboard !== undefined)
      .at(-1)?.keyboard;
  }

  private deliverMessage(fields: Record<string, unknown>): Promise<number> {
    this.cursor = this.emulator.currentSequence();
    return this.emulator.deliverUserUpdate({
      message: {
        date: Math.floor(Date.now() / 1000),
        from: this.from(),
        chat: this.chat(),
        ...fields,
      },
    });
  }

  private from() {
    const { userId, firstName, lastName, username, languageCode } = this.options;
    return {
      id: userId,
      is_bot: false,
      first_name: firstName ?? `User${userId}`,
      ...(lastName === undefined ? {} : { last_name: lastName }),
      ...(username === undefined ? {} : { username }),
      ...(languageCode === undefined ? {} : { language_code: languageCode }),
    };
  }

  private chat() {
    if (this.options.group) return { id: this.chatId, type: "group", title: "Group" };
    return { id: this.chatId, type: "private", first_name: this.options.firstName ?? "User" };
  }
}

function findButton(keyboard: InlineButton[][], button: string | RegExp): InlineButton {
  const buttons = keyboard.flat();
  const exact = buttons.find((b) =>
    typeof button === "string" ? b.text === button : button.test(b.text),
  );
  if (exact) return exact;
  const partial = typeof button === "string" ? buttons.filter((b) => b.text.includes(button)) : [];
  if (partial.length === 1 && partial[0]) return partial[0];
  const labels = buttons.map((b) => `"${b.text}"`).join(", ");
  throw new Error(`no single button ${String(button)} among ${labels}`);
}

function toPredicate(match: MessageMatch): (message: BotMessage) => boolean {
  if (typeof match === "function") return match;
  if (typeof match === "string") return (message) => message.text.includes(match);
  return (message) => match.test(message.text);
}
