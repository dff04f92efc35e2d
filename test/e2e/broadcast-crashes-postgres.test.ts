import { describeBroadcastCrashes, POSTGRESQL } from "./broadcast-crashes-driver.ts";

describeBroadcastCrashes(POSTGRESQL);
