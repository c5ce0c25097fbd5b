// Staff app strings for getting into an account: single sign-on, invitations, password resets
// and the email outbox. Merged into the catalogue in messages.ts.
export const accessMessages = {
  'sso.button': 'Sign in with your council account',
  'sso.or': 'Or sign in with an email address and password',
  'sso.passwordsOff': 'Administrators who were given a password on the command line can still use it here.',
  'sso.passwordsOffSummary': 'Sign in with a password instead',
  'sso.notSetUp':
    'Your council account is not set up for Promise Tracker yet: ask your Promise Tracker administrator to invite you, then try again.',
  'sso.disabled':
    'Your Promise Tracker account has been turned off. Ask your Promise Tracker administrator if you need it.',
  'sso.failed':
    'We could not sign you in with your council account. Try again; if it keeps happening, tell your IT service desk.',
  'sso.expired': 'The sign-in took too long and has stopped working. Try again.',
  'sso.problem': 'You are not signed in',

  'forgot.link': 'Forgotten your password?',
  'forgot.title': 'Reset your password',
  'forgot.intro':
    'Enter the email address you sign in with. If it has an account, we will email it a link to choose a new password.',
  'forgot.submit': 'Send reset link',
  'forgot.sentTitle': 'Check your email',
  'forgot.noEmail':
    'This service cannot send email yet. Ask your Promise Tracker administrator to set a new password for you.',

  'setPassword.inviteTitle': 'Set up your account',
  'setPassword.resetTitle': 'Choose a new password',
  'setPassword.for': 'For {email}',
  'setPassword.password': 'New password',
  'setPassword.passwordHint': 'At least 12 characters. A few unrelated words together make a good one.',
  'setPassword.confirm': 'Type the new password again',
  'setPassword.passwordMissing': 'Enter a new password',
  'setPassword.mismatch': 'The two passwords are not the same',
  'setPassword.submit': 'Save password',
  'setPassword.done': 'Your password is saved. Sign in with it now.',
  'setPassword.gone': 'This link has expired or has already been used',
  'setPassword.goneHint': 'Ask your Promise Tracker administrator for a new invitation, or ask for a new reset link.',
  'setPassword.orSso':
    'If your council uses single sign-on, you can sign in with your council account instead of setting a password.',

  'setPassword.ssoOnly':
    'Your council signs in to Promise Tracker with your council account. You do not need a password.',
  'invite.button': 'Invite someone',
  'invite.title': 'Invite someone',
  'invite.intro':
    'They get a link that works once, for {hours} hours, to set their password or sign in with their council account.',
  'invite.submit': 'Send invitation',
  'invite.emailed': 'Invitation sent to {email}',
  'invite.linkTitle': 'Invitation made for {email}',
  'invite.linkHint':
    'This service cannot send email, so give them this link yourself. It is shown only now, and works once until {expires}.',

  'outbox.title': 'Email outbox',
  'outbox.hint': 'Every email this service sends, newest first. Waiting email is retried, waiting longer each time.',
  'outbox.caption': 'Email',
  'outbox.notSending': 'Email is not being sent: SMTP_URL is not set. Waiting email will go once it is.',
  'outbox.counts': '{sent} sent, {waiting} waiting, {failed} failed',
  'outbox.to': 'To',
  'outbox.subject': 'Subject',
  'outbox.status': 'Status',
  'outbox.attempts': 'Attempts',
  'outbox.when': 'Made',
  'outbox.waiting': 'Waiting',
  'outbox.sent': 'Sent',
  'outbox.failed': 'Failed',
  'outbox.empty': 'No email has been sent yet.',
  'adminHome.outbox': 'Email outbox',
  'adminHome.outboxHint': 'Invitations and reset links: sent, waiting and failed.',
  'adminHome.signIn': 'Sign-in',
  'adminHome.signInHint': 'Single sign-on groups and roles; whether passwords are still used.',
  'signInSettings.title': 'Sign-in',
  'signInSettings.ssoOn': 'Single sign-on with the council account is set up.',
  'signInSettings.ssoOff':
    'Single sign-on is not set up: your IT team sets OIDC_ISSUER_URL, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and PUBLIC_URL. Until then, staff sign in with a password.',
  'signInSettings.groups': 'Groups that make an account',
  'signInSettings.groupsHint':
    'One a line: the group id from your provider, an equals sign, and the role ({roles}). Someone with no account who is in one of these groups gets an account with that role when they first sign in.',
  'signInSettings.lineProblem': 'Line {line} must be a group id, an equals sign and one of: {roles}',
  'signInSettings.passwords': 'Can staff sign in with an email address and password?',
  'signInSettings.passwordsHint':
    'Accounts made on the command line can always use their password, so there is a way back in if single sign-on fails.',
  'signInSettings.passwordsOn': 'Yes',
  'signInSettings.passwordsOff': 'No, only with the council account',
  'signInSettings.save': 'Save sign-in settings',
  'signInSettings.saved': 'Sign-in settings saved',
} as const;
