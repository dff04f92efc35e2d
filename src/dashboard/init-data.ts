import { createHmac, timingSafeEqual } from "node:crypto";

/** The person Telegram vouches for in a Mini App's initData. */
export interface InitDataUser {
  id: number;
  firstName: string;
  languageCode: string | undefined;
}

export type InitDataResult =
  | { ok: true; user: InitDataUser; authDate: Date }
  | { ok: false; reason: "missing" | "malformed" | "badSignature" | "expired" };

/**
 * The key Telegram signs a bot's Mini App data with: HMAC-SHA256 of the bot token under the
 * constant key "WebAppData" (Telegram's Web Apps docs, "Validating data received via the Mini App").
 */
export function initDataSecret(botToken: string): Buffer {
  return createHmac("sha256", "WebAppData").update(botToken).digest();
}

/** The data-check-string: every field but `hash`, sorted by key, as key=value lines. */
export function dataCheckString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([key]) => key !== "hash")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
}

/**
 * Checks a Mini App's initData: its hash must be Telegram's signature of the other fields with
 * this bot's key (compared in constant time), and its auth_date no older than `maxAgeSeconds`
 * (nor more than a minute in the future). Only then is its user trusted.
 */
export function validateInitData(
  initData: string | undefined,
  botToken: string,
  options: { now: Date; maxAgeSeconds: number },
): InitDataResult {
  if (!initData) return { ok: false, reason: "missing" };
  const params = new URLSearchParams(initData);
  const hash = params.get("hash");
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return { ok: false, reason: "malformed" };
  const expected = createHmac("sha256", initDataSecret(botToken))
    .update(dataCheckString(params))
    .digest();
  if (!timingSafeEqual(Buffer.from(hash, "hex"), expected)) {
    return { ok: false, reason: "badSignature" };
  }
  const authSeconds = Number(params.get("auth_date"));
  if (!Number.isSafeInteger(authSeconds) || authSeconds <= 0) {
    return { ok: false, reason: "malformed" };
  }
  const ageSeconds = options.now.getTime() / 1000 - authSeconds;
  if (ageSeconds > options.maxAgeSeconds || ageSeconds < -60)
    return { ok: false, reason: "expired" };
  const user = parseUser(params.get("user"));
  if (!user) return { ok: false, reason: "malformed" };
  return { ok: true, user, authDate: new Date(authSeconds * 1000) };
}

function parseUser(text: string | null): InitDataUser | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return undefined;
    const id = Reflect.get(value, "id");
    if (typeof id !== "number" || !Number.isSafeInteger(id)) return undefined;
    const firstName = Reflect.get(value, "first_name");
    const languageCode = Reflect.get(value, "language_code");
    return {
      id,
      firstName: typeof firstName === "string" ? firstName : "",
      languageCode: typeof languageCode === "string" ? languageCode : undefined,
    };
  } catch {
    return undefined;
  }
}
