// Configuration from environment variables, parsed by one schema. Tests pass overrides to
// buildApp() instead of touching process.env.
import { z } from 'zod';

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/promise-tracker.db'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo council into an empty database at start-up. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().positive().default(12),
  /** Set when served over https (directly or behind a proxy) so cookies are marked Secure. */
  SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Which proxies to believe about the client's address (X-Forwarded-For), for the sign-in and
   * kiosk limits: `false` (the default: none), `true` (any), a hop count, or a comma-separated
   * list of addresses or CIDR ranges. Passed to Fastify's trustProxy.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v): boolean | number | string[] => {
      if (v === '' || v === 'false') return false;
      if (v === 'true') return true;
      if (/^\d+$/.test(v)) return Number(v);
      return v
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    }),
  /** Folder for scheduled online backups; empty (the default) means no scheduled backups. */
  BACKUP_DIR: z.string().default(''),
  BACKUP_EVERY_MINUTES: z.coerce.number().positive().default(1440),
  /** How many scheduled backups to keep; older ones are deleted. */
  BACKUP_KEEP: z.coerce.number().int().positive().default(14),
  /** How often the server looks for reminders to send (the day's digests go once); 0 turns it off. */
  REMINDER_EVERY_MINUTES: z.coerce.number().min(0).default(60),
  /** Where people reach this service, e.g. https://promises.example.gov.uk: used in links and the SSO callback. */
  PUBLIC_URL: z
    .string()
    .default('')
    .refine(
      (v) => v === '' || URL.canParse(v),
      'PUBLIC_URL must be a full address such as https://promises.example.gov.uk',
    )
    .transform((v) => v.replace(/\/+$/, '')),
  /** Single sign-on with OpenID Connect (Entra ID: https://login.microsoftonline.com/{tenant}/v2.0). Empty: off. */
  OIDC_ISSUER_URL: z
    .string()
    .default('')
    .refine((v) => v === '' || URL.canParse(v), 'OIDC_ISSUER_URL must be a full address'),
  OIDC_CLIENT_ID: z.string().default(''),
  OIDC_CLIENT_SECRET: z.string().default(''),
  /** smtp://user:pass@host:587 (STARTTLS when the server offers it) or smtps://…:465. Empty: no email is sent. */
  SMTP_URL: z
    .string()
    .default('')
    .refine((v) => v === '' || /^smtps?:\/\//.test(v), 'SMTP_URL must start with smtp:// or smtps://'),
  MAIL_FROM: z.string().default(''),
  /** How long an invitation link works. */
  INVITATION_HOURS: z.coerce.number().positive().default(72),
  /** How long a password reset link works. */
  RESET_MINUTES: z.coerce.number().positive().default(60),
  /** The mail sender's first retry waits this long; each later one waits twice as long as the last. */
  MAIL_RETRY_SECONDS: z.coerce.number().min(0).default(30),
  /** How often the mail sender looks for email to send. */
  MAIL_POLL_SECONDS: z.coerce.number().positive().default(15),
});

/** Single sign-on is on when the issuer, client and public address are all set. */
export const oidcConfigured = (c: Config) => !!(c.OIDC_ISSUER_URL && c.OIDC_CLIENT_ID && c.PUBLIC_URL);
export const smtpConfigured = (c: Config) => !!c.SMTP_URL;

export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return configSchema.parse(env);
}
