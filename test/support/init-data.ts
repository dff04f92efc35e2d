import { createHmac } from "node:crypto";
import { dataCheckString, initDataSecret } from "../../src/dashboard/init-data.ts";

/** Signs Mini App fields as Telegram does, for tests that play Telegram: the initData string. */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const params = new URLSearchParams(fields);
  const hash = createHmac("sha256", initDataSecret(botToken))
    .update(dataCheckString(params))
    .digest("hex");
  params.set("hash", hash);
  return params.toString();
}

/** The initData Telegram would hand a user opening the Mini App at `at`. */
export function initDataFor(
  user: { id: number; firstName?: string; languageCode?: string },
  botToken: string,
  at: Date,
): string {
  return signInitData(
    {
      auth_date: String(Math.floor(at.getTime() / 1000)),
      query_id: "AAHdF6IQAAAAAN0XohDhrOrc",
      user: JSON.stringify({
        id: user.id,
        first_name: user.firstName ?? "Test",
        language_code: user.languageCode ?? "ru",
      }),
    },
    botToken,
  );
}
