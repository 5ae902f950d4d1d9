CREATE TABLE `settings` (
	`id` text PRIMARY KEY NOT NULL,
	`idle_lock_minutes` integer DEFAULT 10 NOT NULL,
	`vital_thresholds` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`login` text NOT NULL,
	`login_key` text NOT NULL,
	`display_name` text NOT NULL,
	`credentials` text,
	`role` text NOT NULL,
	`deactivated_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_key_uq` ON `users` (`login_key`);