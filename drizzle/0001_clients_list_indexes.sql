DROP INDEX `clients_sort_name_idx`;--> statement-breakpoint
DROP INDEX `clients_dob_idx`;--> statement-breakpoint
DROP INDEX `clients_status_idx`;--> statement-breakpoint
DROP INDEX `clients_intake_idx`;--> statement-breakpoint
DROP INDEX `clients_updated_idx`;--> statement-breakpoint
CREATE INDEX `clients_name_idx` ON `clients` (`sort_name`,`id`,`status`,`archived_at`,`search_text`);--> statement-breakpoint
CREATE INDEX `clients_intake_nulls_last_idx` ON `clients` (("intake_date" IS NULL),`intake_date`,`sort_name`,`id`,`status`,`archived_at`);--> statement-breakpoint
CREATE INDEX `clients_phone_idx` ON `clients` (`phone`,`sort_name`,`id`,`status`,`archived_at`);--> statement-breakpoint
CREATE INDEX `clients_phone_nulls_last_idx` ON `clients` (("phone" IS NULL),`phone`,`sort_name`,`id`,`status`,`archived_at`);--> statement-breakpoint
CREATE INDEX `clients_email_idx` ON `clients` (`email`,`sort_name`,`id`,`status`,`archived_at`);--> statement-breakpoint
CREATE INDEX `clients_email_nulls_last_idx` ON `clients` (("email" IS NULL),`email`,`sort_name`,`id`,`status`,`archived_at`);--> statement-breakpoint
CREATE INDEX `clients_dob_idx` ON `clients` (`date_of_birth`,`sort_name`,`id`,`status`,`archived_at`);--> statement-breakpoint
CREATE INDEX `clients_status_idx` ON `clients` (`status`,`sort_name`,`id`,`archived_at`);--> statement-breakpoint
CREATE INDEX `clients_intake_idx` ON `clients` (`intake_date`,`sort_name`,`id`,`status`,`archived_at`);--> statement-breakpoint
CREATE INDEX `clients_updated_idx` ON `clients` (`updated_at`,`sort_name`,`id`,`status`,`archived_at`);