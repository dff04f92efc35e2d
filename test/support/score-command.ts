// The score command (src/cli/score.ts) run in-process: arguments, standard input and output as strings.
import { main } from "../../src/cli/score.ts";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run score -- ...args` without a process; `input` is standard input (empty if left
 * out), `env` the setting the command reads (METHODOLOGY_VARIANTS).
 */
export function runScoreCommand(
  args: readonly string[],
  input = "",
  env: { METHODOLOGY_VARIANTS?: string } = {},
): CommandResult {
  let stdout = "";
  let stderr = "";
  const code = main(args, {
    readStdin: () => input,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}
