// The admin's view of an account, shared by the routes that answer with one.
import type { Account } from '../contracts/index.js';
import type { UserRow } from '../../db/repositories/users.js';

export function toAccount(u: UserRow): Account {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    jobTitle: u.jobTitle,
    agency: u.agency,
    disabled: u.disabled,
    canOwnActions: u.canOwnActions,
    canSignIn: !!u.passwordHash && !u.disabled,
    managerId: u.managerId,
    version: u.version,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}
