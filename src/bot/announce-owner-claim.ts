import type { Config } from "../config.ts";
import type { Repositories } from "../db/index.ts";
import type { Logger } from "../logger.ts";
import { prepareOwnerClaim } from "../services/first-admin.ts";
import { inviteLink } from "../services/invites.ts";

/**
 * While nobody is an admin (and no ADMIN_TELEGRAM_IDS are set), prints the owner-claim link to
 * the console: whoever opens it first becomes the first admin. Returns the link, if any.
 */
export async function announceOwnerClaim(deps: {
  repos: Repositories;
  logger: Logger;
  config: Pick<Config, "adminTelegramIds">;
  botUsername: string;
  print?: (line: string) => void;
}): Promise<string | undefined> {
  const code = await prepareOwnerClaim(deps.repos, {
    adminTelegramIds: deps.config.adminTelegramIds,
  });
  if (!code) {
    deps.logger.debug("an admin exists or is configured: no owner claim link");
    return undefined;
  }
  const link = inviteLink(deps.botUsername, code);
  deps.logger.warn({ link }, "nobody is an admin yet: open the owner claim link to become one");
  // A plain line as well, so the operator finds it among the JSON logs.
  (deps.print ?? ((line) => process.stdout.write(`${line}\n`)))(`Owner claim link: ${link}`);
  return link;
}
