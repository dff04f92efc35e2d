// The real bot run inside the test worker (src/app.ts, the composition src/main.ts runs), for the
// end-to-end files that test what people do rather than the process: the same configuration from
// the same environment, the same HTTP to the emulator, the same log lines, without a Node process
// loading the code again at every start (about half of a start's CPU). Crashes, signals, exit
// codes and memory need a real process: BotProcess.
import { type RunningApp, startApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { TestBot } from "./bot-process.ts";
import { parseLine } from "./output-lines.ts";

export class WorkerBot extends TestBot {
  private app: RunningApp | undefined;

  async start(): Promise<void> {
    if (this.app) throw new Error("WorkerBot: already running");
    const loaded = loadConfig(this.env());
    if (!loaded.ok)
      throw new Error(`the bot's configuration is invalid:\n${loaded.problems.join("\n")}`);
    const logger = createLogger({
      level: loaded.config.logLevel,
      name: "bot",
      destination: { write: (text: string) => this.record(parseLine(text.trimEnd())) },
    });
    // What the process prints besides its log (the owner-claim link), as BotProcess records it.
    const print = (line: string) => this.record({ msg: line });
    this.app = await startApp({ config: loaded.config, logger, print });
  }

  async stop(): Promise<number | null> {
    const app = this.app;
    this.app = undefined;
    await app?.stop();
    return 0;
  }
}
