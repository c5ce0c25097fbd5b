CREATE TABLE `escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`rung` text NOT NULL,
	`cycles` integer NOT NULL,
	`told_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`told_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `escalations_rung_unique` ON `escalations` (`commitment_id`,`rung`);--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reminder_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`outbox_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_sends_once_unique` ON `reminder_sends` (`user_id`,`kind`,`period`);--> statement-breakpoint
CREATE TABLE `update_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`commitment_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `update_links_hash_unique` ON `update_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `update_links_user_idx` ON `update_links` (`user_id`);--> statement-breakpoint
ALTER TABLE `feedback` ADD `words_erased_at` text;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `kind` text DEFAULT 'forum' NOT NULL;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `respondents` integer;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `survey_year` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `age_bands` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `promises` ADD `same_words` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `council_name_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `use_welsh` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `retention_months` integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `digest_weekday` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `escalation_ladder` text DEFAULT '{"manager":1,"director":2,"chair":3}' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `director_id` integer;--> statement-breakpoint
ALTER TABLE `settings` ADD `chair_id` integer;--> statement-breakpoint
ALTER TABLE `themes` ADD `same_words` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `themes` ADD `icon` text DEFAULT 'star' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `manager_id` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `notify` text DEFAULT 'weekly' NOT NULL;--> statement-breakpoint
-- Councils in Wales use Welsh from the start; any council can change it in settings.
UPDATE `settings` SET `use_welsh` = 1 WHERE `nation` = 'wales';
