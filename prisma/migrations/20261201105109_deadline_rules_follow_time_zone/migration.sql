-- Every deadline is in the one TIME_ZONE setting; the per-rule zone was stored but never read.
ALTER TABLE "deadline_rule" DROP COLUMN "time_zone";
