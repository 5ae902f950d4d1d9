-- The audit log is append-only: any UPDATE or DELETE of a row is refused.
-- (A DROP TABLE drops these too: a migration that rebuilds audit_log must recreate them.)
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
--> statement-breakpoint
-- INSERT OR REPLACE deletes the row it collides with without firing DELETE triggers (unless
-- recursive_triggers is on), so an insert that would replace a row is refused before it runs.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `seq` = NEW.`seq` OR `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'audit log is append-only');
END;
