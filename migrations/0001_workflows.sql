CREATE TABLE `board_packs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer,
	`kind` text NOT NULL,
	`as_at` text NOT NULL,
	`period_from` text,
	`period_to` text,
	`snapshot` text NOT NULL,
	`created_by_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `board_packs_meeting_idx` ON `board_packs` (`meeting_id`,`kind`);--> statement-breakpoint
CREATE TABLE `rating_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pin_hash` text NOT NULL,
	`forum_id` text,
	`started_by_id` integer,
	`started_at` text NOT NULL,
	`ended_at` text,
	`expires_at` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`started_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `verdicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`promise_id` integer NOT NULL,
	`verdict` text NOT NULL,
	`voter_token` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `rating_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `verdicts_one_per_child_unique` ON `verdicts` (`session_id`,`promise_id`,`voter_token`);--> statement-breakpoint
CREATE INDEX `verdicts_promise_idx` ON `verdicts` (`promise_id`);--> statement-breakpoint
ALTER TABLE `commitments` ADD `child_update` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `commitments` ADD `child_update_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `rag_thresholds` text DEFAULT '{}' NOT NULL;