// Every email Promise Tracker sends, as plain text. A template takes only what it names (the
// council, the person's name, a link, a count of hours): there is no free-text slot, so no email
// can carry a child's words, which stay inside the service where access is checked.
/** One email, ready for the outbox. */
export type OutgoingMail = { kind: string; to: string; subject: string; body: string };

export type InvitationMail = {
  to: string;
  name: string;
  councilName: string;
  link: string;
  hours: number;
  sso: boolean;
};
export type ResetMail = { to: string; name: string; councilName: string; link: string; minutes: number };

export function invitationMail(m: InvitationMail): OutgoingMail {
  const lines = [
    `Dear ${m.name},`,
    '',
    `${m.councilName} has given you an account on Promise Tracker, where the council keeps track of what it has promised children in its care and what it has done.`,
    '',
    m.sso
      ? 'Open this link to set a password, or to sign in with your council account:'
      : 'Open this link to set your password:',
    m.link,
    '',
    `The link works once and stops working after ${m.hours} hours. If it has stopped working, ask your Promise Tracker administrator for a new one.`,
    '',
    'If you did not expect this email, you can ignore it.',
  ];
  return {
    kind: 'invitation',
    to: m.to,
    subject: `Your Promise Tracker account at ${m.councilName}`,
    body: lines.join('\n'),
  };
}

export function resetMail(m: ResetMail): OutgoingMail {
  const lines = [
    `Dear ${m.name},`,
    '',
    'Someone asked to reset the password for your Promise Tracker account. Open this link to choose a new one:',
    m.link,
    '',
    `The link works once and stops working after ${m.minutes} minutes. Setting a new password signs you out everywhere else.`,
    '',
    'If you did not ask for this, you can ignore this email: your password has not changed.',
  ];
  return {
    kind: 'reset',
    to: m.to,
    subject: `Reset your Promise Tracker password (${m.councilName})`,
    body: lines.join('\n'),
  };
}
