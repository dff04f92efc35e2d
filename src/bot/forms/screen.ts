import { InlineKeyboard } from "grammy";
import { truncateGraphemes } from "../../domain/text/graphemes.ts";

/** A button of a form screen: its label and the form action it sends. */
export interface ScreenButton {
  text: string;
  action: string;
}

/** What a form shows for its current step: a text and buttons, row by row. */
export interface Screen {
  text: string;
  buttons: ScreenButton[][];
}

// Telegram allows 4096 characters a message and 64 bytes of callback data.
const MAX_TEXT = 4096;
const MAX_CALLBACK_BYTES = 64;

/** Callback data of a form button: "<prefix>:<revision>:<action>" ("mr:12:add"). */
export function encodeFormButton(prefix: string, revision: number, action: string): string {
  const data = `${prefix}:${revision}:${action}`;
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES)
    throw new RangeError(`Callback data too long: ${data}`);
  return data;
}

/** The revision and action of a form button; undefined for data of anything else. */
export function decodeFormButton(
  prefix: string,
  data: string,
): { revision: number; action: string } | undefined {
  const match = /^([a-z]+):(\d{1,9}):(.+)$/.exec(data);
  if (!match || match[1] !== prefix) return undefined;
  return { revision: Number(match[2]), action: match[3] as string };
}

/** The screen's inline keyboard, each button carrying the draft's revision. */
export function formKeyboard(prefix: string, revision: number, screen: Screen): InlineKeyboard {
  return InlineKeyboard.from(
    screen.buttons.map((row) =>
      row.map((b) => InlineKeyboard.text(b.text, encodeFormButton(prefix, revision, b.action))),
    ),
  );
}

/** The screen's text, a notice or problem above it, within Telegram's limit (cut between graphemes). */
export function screenText(screen: Screen, before?: string): string {
  const text = before ? `${before}\n\n${screen.text}` : screen.text;
  return truncateGraphemes(text, MAX_TEXT);
}

/** Packs lines into pages of at most `limit` characters, keeping each block together when it fits. */
export function pageLines(blocks: string[][], limit: number): string[] {
  const pages: string[] = [];
  let page = "";
  const push = (text: string) => {
    const joined = page === "" ? text : `${page}\n\n${text}`;
    if (joined.length <= limit) page = joined;
    else {
      if (page !== "") pages.push(page);
      page = text;
    }
  };
  for (const block of blocks) {
    const text = block.join("\n");
    if (text.length <= limit) push(text);
    // A block longer than a page (a hundred events) goes line by line.
    else for (const line of block) push(line);
  }
  if (page !== "") pages.push(page);
  return pages;
}
