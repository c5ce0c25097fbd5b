// Manage staff accounts from the command line. The first admin of a real install is made here.
//   npm run user -- add <email> <role> "<name>"     (asks for nothing: reads the password from
//                                                    PT_PASSWORD or prints a generated one)
//   npm run user -- reset <email>                  (same password rules)
//   npm run user -- disable <email>
//   npm run user -- list
// An account made or reset here may always sign in with its password, even when the council has
// turned passwords off for single sign-on: the way back in if the provider fails.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../server/config.js';
import { openAndMigrate } from '../db/client.js';
import { ensureSettings } from '../db/repositories/settings.js';
import { createUser, findUserByEmail, listUsers, resetPassword, setDisabled } from '../db/repositories/users.js';
import { passwordProblem } from '../server/domain/passwords.js';
import { role as roleSchema } from '../server/contracts/common.js';

const actor = { id: null, email: 'command-line', ip: '' };
const [command, email, roleArg, ...nameParts] = process.argv.slice(2);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function choosePassword(forEmail: string): { password: string; generated: boolean } {
  const given = process.env.PT_PASSWORD;
  if (given) {
    const problem = passwordProblem(given, forEmail);
    if (problem) fail(problem);
    return { password: given, generated: false };
  }
  return { password: randomBytes(15).toString('base64url'), generated: true };
}

const db = openAndMigrate(loadConfig().DATABASE_PATH);
await ensureSettings(db);

switch (command) {
  case 'add': {
    if (!email || !roleArg)
      fail('Usage: npm run user -- add <email> <admin|participation|owner|board|viewer> "<name>"');
    const role = roleSchema.safeParse(roleArg);
    if (!role.success) fail(`Role must be one of: ${roleSchema.options.join(', ')}`);
    if (findUserByEmail(db, email)) fail(`${email} already has an account`);
    const { password, generated } = choosePassword(email);
    await createUser(db, actor, {
      email,
      role: role.data,
      name: nameParts.join(' ') || email,
      password,
      localAlways: true,
    });
    console.log(`Added ${email} as ${role.data}.`);
    if (generated) console.log(`Password (shown once): ${password}`);
    break;
  }
  case 'reset': {
    const user = email ? findUserByEmail(db, email) : undefined;
    if (!user) fail(`No account for ${email ?? '(no email given)'}`);
    const { password, generated } = choosePassword(user.email);
    await resetPassword(db, actor, user.id, password, { localAlways: true });
    console.log(`Password reset for ${user.email}; all its sessions have ended.`);
    if (generated) console.log(`Password (shown once): ${password}`);
    break;
  }
  case 'disable': {
    const user = email ? findUserByEmail(db, email) : undefined;
    if (!user) fail(`No account for ${email ?? '(no email given)'}`);
    await setDisabled(db, actor, user.id, true);
    console.log(`Disabled ${user.email}; all its sessions have ended.`);
    break;
  }
  case 'list': {
    for (const u of await listUsers(db))
      console.log(`${u.disabled ? 'disabled' : 'active  '}  ${u.role.padEnd(13)} ${u.email}`);
    break;
  }
  default:
    fail('Usage: npm run user -- add|reset|disable|list ...');
}
db.$client.close();
