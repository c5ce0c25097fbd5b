// Whether a board meeting was quorate under the council's rule. Pure: attendance (counts by
// role, never names) and the rule in, the answer and what was missing out.
//
// Councillors count as councillors; partners (health, police, housing, education) as partners;
// the total counts every board member present, so young people who attend to speak are not
// counted towards it: they are guests of the board, not members who decide.
import type { AttendanceRole } from '../contracts/board.js';

export type QuorumRule = { minCouncillors: number; minPartners: number; minTotal: number };
export type Attendance = readonly { role: AttendanceRole | string; count: number }[];

export type Quorum = {
  quorate: boolean;
  rule: QuorumRule;
  councillors: number;
  partners: number;
  total: number;
  shortfalls: string[];
};

const MEMBER_ROLES: ReadonlySet<string> = new Set(['councillor', 'officer', 'partner', 'other']);

const people = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function quorum(attendance: Attendance, rule: QuorumRule): Quorum {
  const of = (role: string) => attendance.filter((a) => a.role === role).reduce((sum, a) => sum + a.count, 0);
  const councillors = of('councillor');
  const partners = of('partner');
  const total = attendance.filter((a) => MEMBER_ROLES.has(a.role)).reduce((sum, a) => sum + a.count, 0);
  const shortfalls: string[] = [];
  if (councillors < rule.minCouncillors)
    shortfalls.push(`${people(rule.minCouncillors, 'councillor', 'councillors')} needed, ${councillors} attended`);
  if (partners < rule.minPartners)
    shortfalls.push(`${people(rule.minPartners, 'partner member', 'partner members')} needed, ${partners} attended`);
  if (total < rule.minTotal)
    shortfalls.push(`${people(rule.minTotal, 'board member', 'board members')} needed in all, ${total} attended`);
  return { quorate: shortfalls.length === 0, rule, councillors, partners, total, shortfalls };
}
