ALTER TABLE `feedback` ADD `words_erased_at` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `retention_months` integer DEFAULT 24 NOT NULL;