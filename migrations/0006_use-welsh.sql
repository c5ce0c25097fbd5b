ALTER TABLE `settings` ADD `council_name_cy` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `use_welsh` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Councils in Wales use Welsh from the start; any council can change it in settings.
UPDATE `settings` SET `use_welsh` = 1 WHERE `nation` = 'wales';