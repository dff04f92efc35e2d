import { defineConfig } from "vitest/config";
import LongestFirstSequencer from "./test/support/sequencer.ts";

// Every date people read follows TIME_ZONE (default Asia/Almaty), never the machine's zone: the
// tests and the bot processes they start run in a zone with daylight saving far from Almaty.
process.env.TZ = "America/New_York";

// Three projects, each with its own script (npm run test:unit, test:db, test:e2e); `npm test` runs
// them all. Unit tests are pure logic (no database, no child process); database tests run on
// PGlite and a PostgreSQL server the tests start; end-to-end tests drive the real bot process.
export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file brings its own emulator port and database. On two cores the end-to-end files
    // leave about a third of the CPU idle (bots starting, retry waits, polls), which a third
    // worker fills; four starve the SIGKILL loops of CPU (see the README's test timings).
    maxWorkers: 3,
    // The long end-to-end files start first instead of last (see the sequencer).
    sequence: { sequencer: LongestFirstSequencer },
    // Workers run PGlite's WebAssembly for a few seeds and checks per file: see TSX_NODE_ARGS in
    // test/support/node-process.ts.
    execArgv: ["--liftoff-only"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts"],
          // Pure logic keeps no state between files: one worker imports the sources once for
          // all of them instead of once per file (most of the project's time).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["test/**/*.test.ts"],
          exclude: ["test/unit/**", "test/e2e/**"],
          // Each file opens its own database copies and changes no process state (env, mocks),
          // so a worker imports the sources once for several files.
          isolate: false,
          // Migrated templates (PGlite and the run's PostgreSQL server) the files copy.
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // Each file starts its own emulator, bot processes and databases and changes no process
          // state, so a worker imports the test helpers and the sources they use once for several
          // files instead of once per file (about 1 s of CPU each).
          isolate: false,
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
    ],
  },
});
