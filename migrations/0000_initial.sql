CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`user_email` text DEFAULT '' NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text DEFAULT '' NOT NULL,
	`before` text,
	`after` text,
	`ip` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `board_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_date` text NOT NULL,
	`title` text NOT NULL,
	`focus_theme_id` integer,
	`attendance` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`focus_theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `board_meetings_date_idx` ON `board_meetings` (`meeting_date`);--> statement-breakpoint
CREATE TABLE `challenges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`promise_id` integer,
	`owner_id` integer,
	`text` text NOT NULL,
	`due_date` text NOT NULL,
	`answer` text DEFAULT '' NOT NULL,
	`closed_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `challenges_meeting_idx` ON `challenges` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `challenges_open_idx` ON `challenges` (`closed_on`);--> statement-breakpoint
CREATE TABLE `commitment_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`commitment_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`old_due_date` text,
	`new_due_date` text,
	`due_date_reason` text DEFAULT '' NOT NULL,
	`author_id` integer,
	`updated_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_updates_commitment_idx` ON `commitment_updates` (`commitment_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `commitments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`promise_id` integer NOT NULL,
	`title` text NOT NULL,
	`child_title` text DEFAULT '' NOT NULL,
	`child_title_cy` text DEFAULT '' NOT NULL,
	`owner_id` integer,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'not_started' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`child_reason` text DEFAULT '' NOT NULL,
	`last_update_at` text,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_promise_idx` ON `commitments` (`promise_id`);--> statement-breakpoint
CREATE INDEX `commitments_owner_idx` ON `commitments` (`owner_id`);--> statement-breakpoint
CREATE INDEX `commitments_due_idx` ON `commitments` (`status`,`due_date`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`promise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`dated` text NOT NULL,
	`added_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_promise_idx` ON `evidence` (`promise_id`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`text` text NOT NULL,
	`source` text NOT NULL,
	`forum_id` text,
	`forum_session_id` integer,
	`heard_on` text NOT NULL,
	`age_band` text NOT NULL,
	`logged_by_id` integer,
	`public_text` text DEFAULT '' NOT NULL,
	`publish_state` text DEFAULT 'draft' NOT NULL,
	`approved_by_id` integer,
	`approved_at` text,
	`safe_reason` text DEFAULT '' NOT NULL,
	`safeguarding` integer DEFAULT false NOT NULL,
	`safeguarding_told_whom` text DEFAULT '' NOT NULL,
	`safeguarding_told_at` text,
	`response` text,
	`response_text` text DEFAULT '' NOT NULL,
	`cant_reason` text DEFAULT '' NOT NULL,
	`responded_on` text,
	`fed_back_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`forum_session_id`) REFERENCES `forum_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`logged_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `feedback_heard_idx` ON `feedback` (`heard_on`);--> statement-breakpoint
CREATE INDEX `feedback_waiting_idx` ON `feedback` (`fed_back_on`,`responded_on`,`heard_on`);--> statement-breakpoint
CREATE INDEX `feedback_forum_idx` ON `feedback` (`forum_id`,`heard_on`);--> statement-breakpoint
CREATE INDEX `feedback_publish_idx` ON `feedback` (`publish_state`,`safeguarding`);--> statement-breakpoint
CREATE TABLE `feedback_commitments` (
	`feedback_id` integer NOT NULL,
	`commitment_id` integer NOT NULL,
	PRIMARY KEY(`feedback_id`, `commitment_id`),
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`commitment_id`) REFERENCES `commitments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `feedback_commitments_commitment_idx` ON `feedback_commitments` (`commitment_id`);--> statement-breakpoint
CREATE TABLE `feedback_promises` (
	`feedback_id` integer NOT NULL,
	`promise_id` integer NOT NULL,
	PRIMARY KEY(`feedback_id`, `promise_id`),
	FOREIGN KEY (`feedback_id`) REFERENCES `feedback`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `feedback_promises_promise_idx` ON `feedback_promises` (`promise_id`);--> statement-breakpoint
CREATE TABLE `forum_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum_id` text NOT NULL,
	`held_on` text NOT NULL,
	`attendance` integer DEFAULT 0 NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_by_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`method` text NOT NULL,
	`path` text NOT NULL,
	`status_code` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `measure_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_end` text NOT NULL,
	`value` real NOT NULL,
	`base` integer,
	`england_average` real,
	`stat_neighbours` real,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`measure_id`) REFERENCES `measures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measure_values_period_unique` ON `measure_values` (`measure_id`,`period`);--> statement-breakpoint
CREATE TABLE `measures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`promise_id` integer NOT NULL,
	`name` text NOT NULL,
	`child_sentence` text DEFAULT '' NOT NULL,
	`child_sentence_cy` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`direction` text NOT NULL,
	`baseline` real,
	`target` real,
	`source` text DEFAULT '' NOT NULL,
	`owner_id` integer,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `measures_promise_idx` ON `measures` (`promise_id`);--> statement-breakpoint
CREATE TABLE `promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`theme_id` integer NOT NULL,
	`staff_text` text NOT NULL,
	`child_text` text NOT NULL,
	`staff_text_cy` text DEFAULT '' NOT NULL,
	`child_text_cy` text DEFAULT '' NOT NULL,
	`audience` text NOT NULL,
	`principles` text DEFAULT '[]' NOT NULL,
	`owner_id` integer,
	`link_champion` text DEFAULT '' NOT NULL,
	`strategy_period` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promises_theme_idx` ON `promises` (`theme_id`);--> statement-breakpoint
CREATE TABLE `rag_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`promise_id` integer NOT NULL,
	`rating` text NOT NULL,
	`suggested_rating` text,
	`rationale` text DEFAULT '' NOT NULL,
	`decided_on` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `board_meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`promise_id`) REFERENCES `promises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rag_reviews_meeting_promise_unique` ON `rag_reviews` (`meeting_id`,`promise_id`);--> statement-breakpoint
CREATE INDEX `rag_reviews_promise_idx` ON `rag_reviews` (`promise_id`,`decided_on`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`council_name` text NOT NULL,
	`nation` text NOT NULL,
	`time_zone` text DEFAULT 'Europe/London' NOT NULL,
	`age_bands` text NOT NULL,
	`forums` text NOT NULL,
	`answer_target_days` integer DEFAULT 28 NOT NULL,
	`small_number_threshold` integer DEFAULT 5 NOT NULL,
	`stale_after_days` integer DEFAULT 60 NOT NULL,
	`due_soon_days` integer DEFAULT 14 NOT NULL,
	`rag_wording` text NOT NULL,
	`quorum` text NOT NULL,
	`watch_words` text DEFAULT '[]' NOT NULL,
	`local_names` text DEFAULT '[]' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`child_name` text NOT NULL,
	`name_cy` text DEFAULT '' NOT NULL,
	`child_name_cy` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`colour` text DEFAULT '#1d70b8' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`job_title` text DEFAULT '' NOT NULL,
	`agency` text DEFAULT 'Council' NOT NULL,
	`password_hash` text,
	`disabled` integer DEFAULT false NOT NULL,
	`failed_sign_ins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);