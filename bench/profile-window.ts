// Preloaded into a benchmarked bot (node --import …/bench/profile-window.ts): a CPU profile of a
// window only, not of the start-up. SIGUSR2 starts the V8 profiler; the next SIGUSR2 stops it and
// writes <PROFILE_WINDOW_DIR>/<pid>.cpuprofile, then prints "profile written". With
// PROFILE_WINDOW_HEAP set it also samples allocations (the collected ones too: garbage is what the
// collector's time goes to) into <pid>.heapprofile, which Chrome's DevTools open.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";

const dir = process.env.PROFILE_WINDOW_DIR;
const heap = process.env.PROFILE_WINDOW_HEAP !== undefined;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", async () => {
    if (!running) {
      running = true;
      await session.post("Profiler.enable");
      await session.post("Profiler.start");
      if (heap)
        await session.post("HeapProfiler.startSampling", {
          samplingInterval: 4096,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
      process.stdout.write("profile started\n");
      return;
    }
    running = false;
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile));
    if (heap) {
      const sampled = await session.post("HeapProfiler.stopSampling");
      writeFileSync(join(dir, `${process.pid}.heapprofile`), JSON.stringify(sampled.profile));
    }
    process.stdout.write("profile written\n");
  });
}
