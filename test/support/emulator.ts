// The package's index replaces module.exports, which TypeScript and Node read differently; the
// class's own module exports it by name for both.
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { EmulatedUser, type UserOptions } from "./emulated-user.ts";
import { installMissingMethods } from "./emulator-routes.ts";
import { findFreePort } from "./free-port.ts";
import {
  emptyRowProblems,
  screenLimitProblems,
  transcriptWordProblems,
  writeTranscript,
} from "./transcript.ts";

/** The token bots use against the emulator unless a test picks another. */
export const EMULATOR_TOKEN = "123456:TEST-TOKEN";

/** A button of an inline keyboard as the bot sent it. */
export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A bot message as it looks now (after any edits). */
export interface BotMessage {
  messageId: number;
  chatId: number;
  /** The text, or the caption of a document or photo. */
  text: string;
  keyboard: InlineButton[][] | undefined;
  /** The sendMessage/sendDocument parameters as last sent or edited. */
  raw: Record<string, unknown>;
  /** True once the bot edited the text or the keyboard. */
  edited: boolean;
}

/** An HTTP answer a test gives to a bot's call (see Emulator.interceptSend). */
export interface SendAnswer {
  status: number;
  body: unknown;
}

/** A Bot API error answer: `apiError(429, "Too Many Requests: retry after 2", { retry_after: 2 })`. */
export function apiError(code: number, description: string, parameters?: object): SendAnswer {
  return {
    status: code,
    body: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) },
  };
}

/** A setMyCommands or deleteMyCommands call the bot made. */
export interface CommandCall {
  method: "setMyCommands" | "deleteMyCommands";
  scope: { type: string; chat_id?: number | string } | undefined;
  languageCode: string | undefined;
  commands: { command: string; description: string }[];
}

/** How the bot answered a pressed button. */
export interface CallbackAnswer {
  chatId: number;
  text: string | undefined;
  showAlert: boolean;
}

/** A document or photo the bot sent. */
export interface SentFile {
  method: "sendDocument" | "sendPhoto";
  chatId: number;
  messageId: number;
  filename: string | undefined;
  /** The uploaded bytes; undefined when the bot sent a file_id or URL instead. */
  data: Buffer | undefined;
  /** The file_id or URL when no bytes were uploaded. */
  reference: string | undefined;
  caption: string | undefined;
}

/** A user update as the emulator queues it for getUpdates. */
interface StoredUpdate {
  botToken: string;
  isRead: boolean;
}

interface StoredBotMessage {
  messageId: number;
  message: Record<string, unknown>;
}

// Private fields of telegram-test-api's server that the helpers need.
interface ServerInternals {
  updateId: number;
  messageId: number;
  callbackId: number;
  webServer: unknown;
}

/** A running telegram-test-api server with the methods it lacks and helpers that play users. */
export class Emulator {
  readonly sentFiles: SentFile[] = [];
  /** setMyCommands calls by "<language_code>|<scope json>" ("" for none). */
  readonly commands = new Map<string, { command: string; description: string }[]>();
  /** Every setMyCommands and deleteMyCommands call, in order. */
  readonly commandCalls: CommandCall[] = [];
  /** setChatMenuButton calls by chat id: the last menu button each chat was given. */
  readonly menuButtons = new Map<number, Record<string, unknown>>();
  /** Every answerCallbackQuery, with the chat whose button was pressed. */
  readonly callbackAnswers: CallbackAnswer[] = [];
  private readonly callbackChats = new Map<string, number>();
  /** How many times the bot asked for a file's bytes. */
  fileDownloads = 0;
  /** While set, file downloads wait for it (see holdDownloads). */
  downloadGate: Promise<void> | undefined;
  readonly uploads = new Map<string, { data: Buffer; filename: string }>();
  webhook:
    | { url: string; secret: string | undefined; maxConnections?: number | undefined }
    | undefined;
  /** The highest getUpdates offset a bot sent: updates below it count as delivered (polling). */
  confirmedOffset = 0;
  /**
   * Answers a bot's send* call instead of the emulator when it returns a reply (e.g. a 429 with
   * retry_after, a 403); `body` is undefined for multipart uploads. Undefined: handled normally.
   */
  interceptSend:
    | ((
        method: string,
        body: Record<string, unknown> | undefined,
      ) => SendAnswer | undefined | Promise<SendAnswer | undefined>)
    | undefined;
  private sequence = 0;
  private readonly sequenceOf = new WeakMap<object, number>();
  private readonly editedMessages = new WeakSet<object>();
  private readonly listeners = new Set<() => void>();
  private readonly delivered = new Map<number, Record<string, unknown>>();
  /** Long polls waiting for the next user update (see emulator-routes.ts). */
  private readonly pollWaiters = new Set<() => void>();
  private stopped = false;

  constructor(
    readonly server: TelegramServer,
    readonly token: string,
    readonly apiRoot: string,
  ) {
    this.trackBotMessages();
    installMissingMethods(this, this.internals().webServer);
  }

  /** A simulated Telegram user in a private chat with the bot. */
  user(options: UserOptions): EmulatedUser {
    return new EmulatedUser(this, options);
  }

  /** The bot's messages (to one chat, if given) in the order sent, as they look now. */
  botMessages(chatId?: number): BotMessage[] {
    return this.storedBotMessages()
      .filter((stored) => chatId === undefined || Number(stored.message.chat_id) === chatId)
      .map((stored) => this.toBotMessage(stored));
  }

  /** Bot messages (to a chat) sent or edited after the given sequence number, oldest change first. */
  changedSince(sequence: number, chatId: number): BotMessage[] {
    return this.storedBotMessages()
      .filter((stored) => Number(stored.message.chat_id) === chatId)
      .filter((stored) => (this.sequenceOf.get(stored) ?? 0) > sequence)
      .sort((a, b) => (this.sequenceOf.get(a) ?? 0) - (this.sequenceOf.get(b) ?? 0))
      .map((stored) => this.toBotMessage(stored));
  }

  /** When the emulator stored each bot message (ms), per chat: what rate tests measure. */
  receipts(): { chatId: number; time: number; messageId: number }[] {
    return (
      this.server.storage.botMessages as unknown as (StoredBotMessage & { time: number })[]
    ).map((stored) => ({
      chatId: Number(stored.message.chat_id),
      time: stored.time,
      messageId: stored.messageId,
    }));
  }

  /** Grows with every bot message sent or edited. */
  currentSequence(): number {
    return this.sequence;
  }

  /** Calls the listener after every bot message sent or edited; returns the unsubscribe. */
  onBotChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The command menu the bot set for a language (undefined: no language_code) and default scope. */
  myCommands(languageCode?: string): { command: string; description: string }[] | undefined {
    return this.commands.get(`${languageCode ?? ""}|{"type":"default"}`);
  }

  /** Queues (or posts to the webhook) an update from a user; returns its update_id. */
  async deliverUserUpdate(
    payload: { message: Record<string, unknown> } | { callback_query: Record<string, unknown> },
  ): Promise<number> {
    const internals = this.internals();
    const updateId = internals.updateId++;
    let stored: Record<string, unknown>;
    if ("message" in payload) {
      const messageId = (payload.message.message_id as number | undefined) ?? internals.messageId++;
      stored = { ...this.storedFields(updateId), messageId, message: payload.message };
    } else {
      const callbackId = internals.callbackId++;
      const chat = (payload.callback_query.message as { chat?: { id?: number } } | undefined)?.chat;
      if (chat?.id !== undefined) this.callbackChats.set(String(callbackId), chat.id);
      stored = {
        ...this.storedFields(updateId),
        callbackId,
        callbackQuery: payload.callback_query,
      };
    }
    this.delivered.set(updateId, stored);
    await this.deliverStored(stored);
    return updateId;
  }

  /** Delivers an update a second time with the same update_id, as Telegram does after a crash. */
  async redeliver(updateId: number): Promise<void> {
    const stored = this.delivered.get(updateId);
    if (!stored) throw new Error(`no update ${updateId} was delivered`);
    await this.deliverStored({ ...stored, isRead: false, time: Date.now() });
  }

  /** Makes file downloads wait until the returned function is called. */
  holdDownloads(): () => void {
    let release = () => {};
    this.downloadGate = new Promise((resolve) => {
      release = () => {
        this.downloadGate = undefined;
        resolve();
      };
    });
    return release;
  }

  /** Records the bot's answer to a pressed button (see emulator-routes.ts). */
  recordCallbackAnswer(body: Record<string, unknown>): void {
    const id = String(body.callback_query_id ?? "");
    this.callbackAnswers.push({
      chatId: this.callbackChats.get(id) ?? 0,
      text: body.text === undefined ? undefined : String(body.text),
      showAlert: body.show_alert === true || body.show_alert === "true",
    });
    for (const listener of [...this.listeners]) listener();
  }

  /** The commands the bot set for one chat (scope chat, any or no language), or undefined. */
  chatCommands(chatId: number): { command: string; description: string }[] | undefined {
    const call = this.commandCalls
      .filter((c) => c.scope?.type === "chat" && Number(c.scope.chat_id) === chatId)
      .at(-1);
    return call?.method === "setMyCommands" ? call.commands : undefined;
  }

  /** Registers bytes the bot can fetch with getFile (for documents users send); returns the file_id. */
  storeUpload(data: Buffer, filename: string): string {
    const fileId = `file-${this.uploads.size + 1}`;
    this.uploads.set(fileId, { data, filename });
    return fileId;
  }

  /** Adds a bot message through the emulator's own storage (so ids and sequences stay in step). */
  addBotMessage(message: Record<string, unknown>): Record<string, unknown> {
    return this.server.addBotMessage(message as never, this.token) as unknown as Record<
      string,
      unknown
    >;
  }

  /** True when the bot's next getUpdates would receive something. */
  hasWaitingUpdates(token: string): boolean {
    const queued = this.server.storage.userMessages as unknown as StoredUpdate[];
    return queued.some((update) => update.botToken === token && !update.isRead);
  }

  /** Resolves when a user update is queued, after `timeoutMs`, or when the emulator stops. */
  nextUpdate(timeoutMs: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.pollWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.pollWaiters.add(wake);
    });
  }

  async stop(): Promise<void> {
    const messages = this.botMessages();
    // Answer the long polls still open, or the server would wait for them to time out.
    this.stopped = true;
    this.wakePolls();
    await this.server.stop();
    // Benchmarks start emulators too: only a test run writes transcripts and measures screens.
    if (!process.env.VITEST) return;
    const { expect } = await import("vitest");
    const file = writeTranscript(expect.getState().testPath, messages);
    const words = transcriptWordProblems(messages);
    if (words.length > 0)
      throw new Error(`Words people should not read (see ${file}):\n${words.join("\n")}`);
    const tooLong = screenLimitProblems(messages);
    if (tooLong.length > 0)
      throw new Error(`Screens too long for a phone (see ${file}):\n${tooLong.join("\n")}`);
    const gaps = emptyRowProblems(messages);
    if (gaps.length > 0)
      throw new Error(`Keyboards with a gap on the phone (see ${file}):\n${gaps.join("\n")}`);
  }

  private wakePolls(): void {
    for (const wake of [...this.pollWaiters]) wake();
  }

  private storedFields(updateId: number) {
    return { time: Date.now(), botToken: this.token, updateId, isRead: false };
  }

  private async deliverStored(stored: Record<string, unknown>): Promise<void> {
    if (!this.webhook) {
      (this.server.storage.userMessages as unknown as Record<string, unknown>[]).push(stored);
      this.wakePolls();
      return;
    }
    const response = await fetch(this.webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.webhook.secret ? { "x-telegram-bot-api-secret-token": this.webhook.secret } : {}),
      },
      body: JSON.stringify(formatUpdate(stored)),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }

  private trackBotMessages(): void {
    const server = this.server;
    const addBotMessage = server.addBotMessage.bind(server);
    server.addBotMessage = (raw: never, token: string) => {
      const sent = addBotMessage(raw, token);
      const stored = server.storage.botMessages.at(-1);
      if (stored) this.touch(stored);
      return sent;
    };
    // Telegram drops an inline keyboard that an edit does not repeat; the emulator keeps it.
    const edit = (raw: Record<string, unknown>, keyboardOnly: boolean) => {
      const changes = parseJsonFields(raw);
      const stored = this.storedBotMessages().find(
        (s) =>
          String(s.messageId) === String(changes.message_id) &&
          String(s.message.chat_id) === String(changes.chat_id),
      );
      if (!stored) return;
      const next = { ...stored.message, ...changes };
      if (!("reply_markup" in changes)) delete next.reply_markup;
      if (keyboardOnly) next.text = stored.message.text;
      stored.message = next;
      this.editedMessages.add(stored);
      this.touch(stored);
    };
    server.editMessageText = (raw: object) => edit(raw as Record<string, unknown>, false);
    server.editMessageReplyMarkup = (raw: object) => edit(raw as Record<string, unknown>, true);
  }

  private touch(stored: object): void {
    this.sequenceOf.set(stored, ++this.sequence);
    for (const listener of [...this.listeners]) listener();
  }

  private storedBotMessages(): StoredBotMessage[] {
    return this.server.storage.botMessages as unknown as StoredBotMessage[];
  }

  private toBotMessage(stored: StoredBotMessage): BotMessage {
    const message = stored.message;
    const markup = message.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
    return {
      messageId: stored.messageId,
      chatId: Number(message.chat_id),
      text: String(message.text ?? message.caption ?? ""),
      keyboard: markup?.inline_keyboard,
      raw: message,
      edited: this.editedMessages.has(stored),
    };
  }

  private internals(): ServerInternals {
    return this.server as unknown as ServerInternals;
  }
}

/** Starts an emulator on a free (or the given) port of 127.0.0.1. */
export async function startEmulator(
  options: { port?: number; token?: string } = {},
): Promise<Emulator> {
  const port = options.port ?? (await findFreePort());
  // storeTimeout: keep messages for the whole test file instead of the default minute.
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 3600 });
  const emulator = new Emulator(server, options.token ?? EMULATOR_TOKEN, server.config.apiURL);
  await server.start();
  return emulator;
}

/** The Bot API shape of a stored user update, as getUpdates would return it. */
function formatUpdate(stored: Record<string, unknown>): Record<string, unknown> {
  if ("callbackQuery" in stored) {
    return {
      update_id: stored.updateId,
      callback_query: { id: String(stored.callbackId), ...(stored.callbackQuery as object) },
    };
  }
  return {
    update_id: stored.updateId,
    message: { ...(stored.message as object), message_id: stored.messageId },
  };
}

/** grammY sends nested objects as JSON strings in form bodies; this reads them back. */
export function parseJsonFields(raw: Record<string, unknown>): Record<string, unknown> {
  const parsed: Record<string, unknown> = { ...raw };
  for (const key of ["reply_markup", "entities", "caption_entities", "commands", "scope"]) {
    const value = parsed[key];
    if (typeof value === "string") parsed[key] = JSON.parse(value);
  }
  return parsed;
}
