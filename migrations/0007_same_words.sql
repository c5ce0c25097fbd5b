ALTER TABLE `promises` ADD `same_words` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `themes` ADD `same_words` integer DEFAULT false NOT NULL;