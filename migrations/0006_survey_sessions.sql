ALTER TABLE `forum_sessions` ADD `kind` text DEFAULT 'forum' NOT NULL;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `respondents` integer;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `survey_year` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `forum_sessions` ADD `age_bands` text DEFAULT '[]' NOT NULL;