import { describeBroadcastCrashes, PGLITE } from "./broadcast-crashes-driver.ts";

describeBroadcastCrashes(PGLITE);
