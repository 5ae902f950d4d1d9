CREATE TABLE `document_counters` (
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_counters_kind_year_uq` ON `document_counters` (`kind`,`year`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`client_id` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`snapshot` text NOT NULL,
	`sha256` text NOT NULL,
	`total_cents` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_number_uq` ON `documents` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_kind_year_seq_uq` ON `documents` (`kind`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `documents_client_idx` ON `documents` (`client_id`,`created_at`);--> statement-breakpoint
-- A stored document never changes and is never deleted: the one update allowed is its void, once,
-- with who and why, leaving every other column as it was. These triggers hold whatever path writes.
CREATE TRIGGER `documents_void_only` BEFORE UPDATE ON `documents`
WHEN OLD.`voided_at` IS NOT NULL
  OR NEW.`voided_at` IS NULL OR NEW.`voided_by` IS NULL OR NEW.`void_reason` IS NULL OR trim(NEW.`void_reason`) = ''
  OR NEW.`id` IS NOT OLD.`id` OR NEW.`number` IS NOT OLD.`number` OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`year` IS NOT OLD.`year` OR NEW.`seq` IS NOT OLD.`seq` OR NEW.`client_id` IS NOT OLD.`client_id`
  OR NEW.`period_from` IS NOT OLD.`period_from` OR NEW.`period_to` IS NOT OLD.`period_to`
  OR NEW.`snapshot` IS NOT OLD.`snapshot` OR NEW.`sha256` IS NOT OLD.`sha256` OR NEW.`total_cents` IS NOT OLD.`total_cents`
  OR NEW.`created_at` IS NOT OLD.`created_at` OR NEW.`created_by` IS NOT OLD.`created_by`
BEGIN
  SELECT RAISE(ABORT, 'a stored document can only be voided, once, with a reason');
END;
--> statement-breakpoint
CREATE TRIGGER `documents_no_delete` BEFORE DELETE ON `documents`
BEGIN
  SELECT RAISE(ABORT, 'documents are never deleted');
END;
--> statement-breakpoint
-- INSERT OR REPLACE deletes the row it collides with without firing DELETE triggers.
CREATE TRIGGER `documents_no_replace` BEFORE INSERT ON `documents`
WHEN EXISTS (SELECT 1 FROM `documents` WHERE `id` = NEW.`id` OR `number` = NEW.`number`)
BEGIN
  SELECT RAISE(ABORT, 'documents are never replaced');
END;
--> statement-breakpoint
-- A counter only moves forward by one: a number taken is never given again.
CREATE TRIGGER `document_counters_forward` BEFORE UPDATE ON `document_counters`
WHEN NEW.`last` IS NOT OLD.`last` + 1 OR NEW.`kind` IS NOT OLD.`kind` OR NEW.`year` IS NOT OLD.`year`
BEGIN
  SELECT RAISE(ABORT, 'document numbers only move forward');
END;
--> statement-breakpoint
CREATE TRIGGER `document_counters_no_delete` BEFORE DELETE ON `document_counters`
BEGIN
  SELECT RAISE(ABORT, 'document counters are never deleted');
END;
