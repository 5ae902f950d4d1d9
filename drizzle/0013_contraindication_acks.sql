CREATE TABLE `contraindication_acks` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`item_key` text NOT NULL,
	`screening_item_id` text NOT NULL,
	`context` text NOT NULL,
	`context_id` text NOT NULL,
	`acknowledged_by_user_id` text,
	`acknowledged_by_name` text NOT NULL,
	`acknowledged_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`screening_item_id`) REFERENCES `screening_items`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contraindication_acks_context_idx` ON `contraindication_acks` (`context`,`context_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contraindication_acks_once_uq` ON `contraindication_acks` (`context`,`context_id`,`screening_item_id`);--> statement-breakpoint
-- Acknowledgements are a record of what a clinician saw: never changed, never deleted, never replaced.
CREATE TRIGGER `contraindication_acks_no_update` BEFORE UPDATE ON `contraindication_acks`
BEGIN
  SELECT RAISE(ABORT, 'an acknowledgement cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `contraindication_acks_no_delete` BEFORE DELETE ON `contraindication_acks`
BEGIN
  SELECT RAISE(ABORT, 'acknowledgements are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `contraindication_acks_no_replace` BEFORE INSERT ON `contraindication_acks`
WHEN EXISTS (SELECT 1 FROM `contraindication_acks` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'acknowledgements are never replaced');
END;
