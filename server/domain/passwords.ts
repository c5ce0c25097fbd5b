// Password rules as NCSC and OWASP ASVS advise: length, no composition rules, and a block on
// passwords that are known to be common.
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** A reason the password is not allowed, or null when it is fine. */
export function passwordProblem(password: string, email = ''): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'This password is too common; choose another';
  if (new Set(lower).size <= 2) return 'This password is too easy to guess; choose another';
  if (email && lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000') && lower.length < 20)
    return 'Do not use your email address in your password';
  return null;
}
