// The words of the demo council, Westmere Borough Council (England). Entirely fictional: every
// name, figure and quote was written for this demo. demo.ts turns these into rows; dates here are
// offsets in days from today (negative = in the past) so the demo never goes out of date.

export type UserKey =
  | 'admin'
  | 'participation'
  | 'leader'
  | 'board'
  | 'viewer'
  | 'cic'
  | 'leaving'
  | 'vsh'
  | 'fostering'
  | 'iro'
  | 'nurse'
  | 'housing'
  | 'police'
  | 'careers';

export type DemoUser = {
  key: UserKey;
  email: string;
  name: string;
  role: 'admin' | 'participation' | 'owner' | 'board' | 'viewer';
  jobTitle: string;
  agency?: string;
  /** Demo accounts can sign in with DEMO_PASSWORD; the rest have no password. */
  canSignIn: boolean;
};

export const DEMO_USERS: DemoUser[] = [
  {
    key: 'admin',
    email: 'admin@example.org',
    name: 'Priya Nandra',
    role: 'admin',
    jobTitle: 'Systems and performance lead',
    canSignIn: true,
  },
  {
    key: 'participation',
    email: 'participation@example.org',
    name: 'Jo Whitfield',
    role: 'participation',
    jobTitle: 'Participation and rights officer',
    canSignIn: true,
  },
  {
    key: 'leader',
    email: 'leader@example.org',
    name: 'Helen Marsh-Adeyemi',
    role: 'owner',
    jobTitle: "Director of Children's Services",
    canSignIn: true,
  },
  {
    key: 'board',
    email: 'board@example.org',
    name: 'Cllr Tom Berridge',
    role: 'board',
    jobTitle: 'Lead Member for Children; chair of the Corporate Parenting Board',
    canSignIn: true,
  },
  {
    key: 'viewer',
    email: 'viewer@example.org',
    name: 'Amira Castell',
    role: 'viewer',
    jobTitle: 'Performance analyst',
    canSignIn: true,
  },
  {
    key: 'cic',
    email: 'm.lindqvist@example.org',
    name: 'Marcus Lindqvist',
    role: 'owner',
    jobTitle: 'Head of Service, Children in Care',
    canSignIn: false,
  },
  {
    key: 'leaving',
    email: 'b.oyelaran@example.org',
    name: 'Bernadette Oyelaran',
    role: 'owner',
    jobTitle: 'Head of Service, Leaving Care',
    canSignIn: false,
  },
  {
    key: 'vsh',
    email: 'd.penhaligon@example.org',
    name: 'David Penhaligon',
    role: 'owner',
    jobTitle: 'Virtual School Head',
    canSignIn: false,
  },
  {
    key: 'fostering',
    email: 'r.calloway@example.org',
    name: 'Ruth Calloway',
    role: 'owner',
    jobTitle: 'Head of Fostering and Homes for Children',
    canSignIn: false,
  },
  {
    key: 'iro',
    email: 'f.quinlan@example.org',
    name: 'Farah Quinlan',
    role: 'owner',
    jobTitle: 'Service Manager, Independent Reviewing and Advocacy',
    canSignIn: false,
  },
  {
    key: 'nurse',
    email: 'g.mbatha@example.org',
    name: 'Grace Mbatha',
    role: 'owner',
    jobTitle: 'Designated Nurse for Children in Care',
    agency: 'Health',
    canSignIn: false,
  },
  {
    key: 'housing',
    email: 'l.hartigan@example.org',
    name: 'Liam Hartigan',
    role: 'owner',
    jobTitle: 'Housing Pathways Manager',
    agency: 'Housing',
    canSignIn: false,
  },
  {
    key: 'police',
    email: 'n.kovac@example.org',
    name: 'Insp. Nadia Kovac',
    role: 'owner',
    jobTitle: 'Inspector, Partnerships and Prevention',
    agency: 'Police',
    canSignIn: false,
  },
  {
    key: 'careers',
    email: 'o.treharne@example.org',
    name: 'Owen Treharne',
    role: 'owner',
    jobTitle: 'Careers and Employment Partner',
    agency: 'Education',
    canSignIn: false,
  },
];

/** Words that make a worker look twice before anything is published. */
export const WATCH_WORDS = ['not safe', 'scared', 'hurt', 'secret', 'run away', 'police came'];

/** Local places a child might name without thinking: the anonymity check looks for them. */
export const LOCAL_NAMES = [
  'Westmere',
  'Kingsmoor',
  'Harrowfield',
  'Alder Vale',
  'Saltings',
  'Brookmere Academy',
  "St Aidan's",
  'Fenwick Road',
];

export const STRATEGY_PERIOD = '2025-2028';

export type PromiseKey =
  | 'siblings'
  | 'workers'
  | 'homes'
  | 'trustedAdult'
  | 'knowWorker'
  | 'reviews'
  | 'records'
  | 'youSaid'
  | 'health'
  | 'feelings'
  | 'hobbies'
  | 'secondChances'
  | 'school'
  | 'jobs'
  | 'leavingHome'
  | 'money';

export type DemoPromise = {
  key: PromiseKey;
  /** Index into DEFAULT_THEMES: 0 relationships, 1 rights, 2 resilience, 3 future. */
  theme: 0 | 1 | 2 | 3;
  staffText: string;
  childText: string;
  staffTextCy?: string;
  childTextCy?: string;
  audience: 'children_in_care' | 'care_leavers' | 'both';
  principles: string[];
  owner: UserKey;
  champion: string;
};

export const DEMO_PROMISES: DemoPromise[] = [
  {
    key: 'siblings',
    theme: 0,
    staffText:
      'Support children to keep in touch with brothers, sisters and other people who matter to them, where it is safe and they want to.',
    childText: 'We will help you see your brothers and sisters, and the people who matter to you, if you want to.',
    staffTextCy:
      "Cefnogi plant i gadw mewn cysylltiad â'u brodyr a'u chwiorydd a phobl eraill sy'n bwysig iddyn nhw, lle mae'n ddiogel a lle maen nhw eisiau.",
    childTextCy:
      "Byddwn ni'n dy helpu di i weld dy frodyr a dy chwiorydd, a'r bobl sy'n bwysig i ti, os wyt ti eisiau.",
    audience: 'both',
    principles: ['E1', 'E6'],
    owner: 'cic',
    champion: 'Cllr Aisha Rahman',
  },
  {
    key: 'workers',
    theme: 0,
    staffText:
      'Keep changes of social worker to a minimum; when a change cannot be avoided, the child meets their new worker before the old one leaves.',
    childText:
      'We will try hard not to keep changing your social worker. If it has to change, you will meet your new worker before your old one goes.',
    audience: 'children_in_care',
    principles: ['E6', 'E1'],
    owner: 'leader',
    champion: 'Cllr Aisha Rahman',
  },
  {
    key: 'homes',
    theme: 0,
    staffText:
      'Find each child a home that is right for them the first time, close to what they know, and support carers so homes last.',
    childText: "We will find you a home that feels right and help it last, so you don't have to keep moving.",
    audience: 'children_in_care',
    principles: ['E6', 'E1'],
    owner: 'fostering',
    champion: 'Cllr Peter Vosper',
  },
  {
    key: 'trustedAdult',
    theme: 0,
    staffText: 'Make sure every care leaver has a trusted adult they can contact, for as long as they need one.',
    childText: 'When you leave care, you will always have someone to call who knows you.',
    audience: 'care_leavers',
    principles: ['E7', 'E6'],
    owner: 'leaving',
    champion: 'Cllr Peter Vosper',
  },
  {
    key: 'knowWorker',
    theme: 1,
    staffText:
      'Make sure every child knows who their social worker is, how to contact them, and has time to speak with them alone.',
    childText: 'You will know who your social worker is and how to reach them, and you can talk to them on your own.',
    staffTextCy:
      'Sicrhau bod pob plentyn yn gwybod pwy yw ei weithiwr cymdeithasol, sut i gysylltu ag ef, a bod ganddo amser i siarad ag ef ar ei ben ei hun.',
    childTextCy:
      "Byddi di'n gwybod pwy yw dy weithiwr cymdeithasol a sut i gael gafael arno, a gallwch chi siarad ar eich pen eich hunain.",
    audience: 'children_in_care',
    principles: ['E2', 'E4'],
    owner: 'cic',
    champion: 'Cllr Linda Okoro',
  },
  {
    key: 'reviews',
    theme: 1,
    staffText:
      'Children lead or shape their own reviews and plans, choose who attends, and are offered an advocate every time.',
    childText:
      'Your meetings are about you. You can help run them, choose who comes, and have someone on your side to help you speak up.',
    audience: 'children_in_care',
    principles: ['E2', 'E3'],
    owner: 'iro',
    champion: 'Cllr Linda Okoro',
  },
  {
    key: 'records',
    theme: 1,
    staffText:
      'Write records, plans and letters to children in plain, kind words, so they can read their own file and recognise themselves in it.',
    childText:
      'When we write about you, we will write it kindly and in words you understand, as if you will read it one day.',
    audience: 'both',
    principles: ['E3', 'E1'],
    owner: 'iro',
    champion: 'Cllr Linda Okoro',
  },
  {
    key: 'youSaid',
    theme: 1,
    staffText:
      'Answer everything children and care leavers tell us, report back what changed, and explain the reason when the answer is no.',
    childText: "When you tell us something, we will always get back to you. If we can't do it, we will tell you why.",
    audience: 'both',
    principles: ['E2', 'E3'],
    owner: 'leader',
    champion: 'Cllr Tom Berridge',
  },
  {
    key: 'health',
    theme: 2,
    staffText:
      'Health assessments, dental checks and sight tests happen on time, in a place and way the child is comfortable with.',
    childText:
      'You will get your health checks on time, somewhere you feel comfortable, with someone you are happy with.',
    audience: 'children_in_care',
    principles: ['E1', 'E4'],
    owner: 'nurse',
    champion: 'Cllr Gareth Pim',
  },
  {
    key: 'feelings',
    theme: 2,
    staffText:
      'Give children and care leavers quick access to someone to talk to about their feelings, without long waits.',
    childText: 'If you are worried or sad, you will be able to talk to someone soon, not wait for months.',
    audience: 'both',
    principles: ['E1', 'E4'],
    owner: 'nurse',
    champion: 'Cllr Gareth Pim',
  },
  {
    key: 'hobbies',
    theme: 2,
    staffText:
      'Every child can take part in a hobby, club or activity they enjoy, and carers can agree everyday things without waiting for permission.',
    childText:
      'You can do clubs and hobbies like your friends do, and your carer can say yes to everyday things straight away.',
    audience: 'children_in_care',
    principles: ['E5', 'E1'],
    owner: 'cic',
    champion: 'Cllr Gareth Pim',
  },
  {
    key: 'secondChances',
    theme: 2,
    staffText:
      'Avoid criminalising children in care for behaviour that would be handled at home in other families, and support them when things go wrong.',
    childText:
      'When things go wrong, we will give you a second chance and help you put it right, like a good parent would.',
    audience: 'both',
    principles: ['E1', 'E6'],
    owner: 'police',
    champion: 'Cllr Peter Vosper',
  },
  {
    key: 'school',
    theme: 3,
    staffText:
      'Support every child to achieve their best at school, with a personal education plan they helped to write and extra help to catch up.',
    childText: 'We will help you do your best at school, and you will have a say in your school plan.',
    audience: 'children_in_care',
    principles: ['E5', 'E6'],
    owner: 'vsh',
    champion: 'Cllr Aisha Rahman',
  },
  {
    key: 'jobs',
    theme: 3,
    staffText:
      'Offer care leavers work experience, apprenticeships and support into education, employment or training, including at the council.',
    childText: 'We will help you find training, a course or a job, including jobs with the council.',
    audience: 'care_leavers',
    principles: ['E5', 'E7'],
    owner: 'careers',
    champion: 'Cllr Tom Berridge',
  },
  {
    key: 'leavingHome',
    theme: 3,
    staffText:
      'Every care leaver has a safe, suitable home they are ready for, and no one leaves care without somewhere to live.',
    childText: 'When you leave care, you will have a safe place to live, and we will help you get ready for it.',
    audience: 'care_leavers',
    principles: ['E7', 'E6'],
    owner: 'housing',
    champion: 'Cllr Tom Berridge',
  },
  {
    key: 'money',
    theme: 3,
    staffText:
      'Teach money and life skills before young people leave care, and make sure care leavers receive every grant and exemption they are entitled to.',
    childText:
      'We will help you learn to manage money and look after yourself, and make sure you get all the money you should.',
    audience: 'care_leavers',
    principles: ['E7', 'E4'],
    owner: 'leaving',
    champion: 'Cllr Peter Vosper',
  },
];

export type CommitmentStatus = 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'done' | 'dropped';

/** One dated note on a commitment: [days ago, progress %, note]. */
export type DemoUpdate = {
  ago: number;
  progress: number;
  note: string;
  status?: CommitmentStatus;
  /** A due-date change recorded with this update: the old due date as an offset, and why. */
  moved?: { from: number; reason: string };
};

export type DemoCommitment = {
  key: string;
  promise: PromiseKey;
  title: string;
  childTitle: string;
  owner: UserKey;
  /** Due date as days from today. */
  due: number;
  status: CommitmentStatus;
  progress: number;
  childReason?: string;
  /** Oldest first; the last one sets lastUpdateAt and matches the commitment's status. */
  updates: DemoUpdate[];
};

const u = (ago: number, progress: number, note: string, extra: Partial<DemoUpdate> = {}): DemoUpdate => ({
  ago,
  progress,
  note,
  ...extra,
});

export const DEMO_COMMITMENTS: DemoCommitment[] = [
  // People who matter
  {
    key: 'sibling-plans',
    promise: 'siblings',
    title: "Record every child's brothers and sisters, and the contact they want, in their care plan",
    childTitle: 'Your plan will say who your brothers and sisters are and how often you want to see them',
    owner: 'cic',
    due: -120,
    status: 'done',
    progress: 100,
    updates: [
      u(300, 20, 'Audit started: 46 of 120 plans sampled recorded siblings properly.'),
      u(190, 70, 'Care plan template changed and all children in care teams briefed.'),
      u(112, 100, 'Re-audit: 88% of plans now record who the child wants to see and how often.', { status: 'done' }),
    ],
  },
  {
    key: 'family-time-house',
    promise: 'siblings',
    title: 'Open a family time house with a kitchen and garden so siblings can spend proper time together',
    childTitle: 'Open a family time house where you can cook, play and chill with your brothers and sisters',
    owner: 'fostering',
    due: 45,
    status: 'on_track',
    progress: 60,
    updates: [
      u(210, 15, 'Building identified; children in care council visited and chose the colours.'),
      u(120, 40, 'Refit under way. Garden designed with the forum.'),
      u(21, 60, 'Kitchen fitted. Opening planned for the new year, on time.'),
    ],
  },
  {
    key: 'sibling-travel',
    promise: 'siblings',
    title: 'Pay travel costs for care leavers to visit brothers and sisters',
    childTitle: 'Pay for your bus or train to visit your brothers and sisters after you leave care',
    owner: 'leaving',
    due: -20,
    status: 'at_risk',
    progress: 50,
    updates: [
      u(160, 20, 'Policy drafted with the care leavers forum.'),
      u(40, 50, 'Waiting for finance sign-off; personal advisers paying from discretionary fund meanwhile.'),
    ],
  },
  {
    key: 'handover-visits',
    promise: 'workers',
    title: 'Joint handover visit whenever a social worker changes: the old and new worker visit together',
    childTitle: 'Your old and new social worker will visit you together before the change',
    owner: 'cic',
    due: -200,
    status: 'done',
    progress: 100,
    updates: [
      u(320, 30, 'Practice standard written and agreed with team managers.'),
      u(205, 100, 'In place. Checked in monthly audits: 9 of 10 changes had a joint visit.', { status: 'done' }),
    ],
  },
  {
    key: 'agency-workers',
    promise: 'workers',
    title: 'Reduce agency social workers in the children in care teams to under 15%',
    childTitle: 'Have more social workers who stay with the council for a long time',
    owner: 'leader',
    due: 150,
    status: 'at_risk',
    progress: 40,
    updates: [
      u(280, 10, 'Workforce plan agreed. Agency rate 31%.'),
      u(150, 25, 'Recruitment campaign launched; 6 permanent starters. Agency rate 26%.'),
      u(30, 40, 'Agency rate 22%. Two teams still hard to recruit to; retention payment under review.', {
        status: 'at_risk',
      }),
    ],
  },
  {
    key: 'foster-families',
    promise: 'homes',
    title: 'Recruit 25 more local foster families by the end of the strategy',
    childTitle: 'Find more foster families near here, so you can stay close to your school and friends',
    owner: 'fostering',
    due: 220,
    status: 'on_track',
    progress: 48,
    updates: [
      u(250, 16, '4 new households approved.'),
      u(130, 32, '8 approved so far; young people now help at information evenings.'),
      u(14, 48, '12 approved. Recruitment in line with the plan.'),
    ],
  },
  {
    key: 'welcome-plans',
    promise: 'homes',
    title: 'A welcome plan for every move: photos of carers and the room, and a visit before moving',
    childTitle: 'Before you move, you will see photos of your new home and meet your carers',
    owner: 'fostering',
    due: -45,
    status: 'at_risk',
    progress: 80,
    updates: [
      u(200, 30, 'Welcome book template made with the children in care council.'),
      u(100, 55, 'New matching system delayed, so welcome plans are still on paper.', {
        moved: { from: -90, reason: 'Waiting for the new matching system to go live' },
      }),
      u(38, 80, 'Used in 31 of 40 planned moves. Emergency moves are the gap.', { status: 'at_risk' }),
    ],
  },
  {
    key: 'carer-support-24h',
    promise: 'homes',
    title: 'Support for carers within 24 hours when a home is at risk of ending',
    childTitle: "Get help to your carers quickly when things are hard at home, so you don't have to move",
    owner: 'fostering',
    due: 10,
    status: 'on_track',
    progress: 85,
    updates: [
      u(140, 40, 'Out-of-hours support rota agreed with the supervising social workers.'),
      u(9, 85, 'Running since the summer; final evaluation being written.'),
    ],
  },
  {
    key: 'suitcases',
    promise: 'homes',
    title: "A suitcase and holdall for every child who moves: no one's things moved in bin bags",
    childTitle: 'Everyone gets a proper suitcase when they move, never bin bags',
    owner: 'fostering',
    due: -260,
    status: 'done',
    progress: 100,
    updates: [
      u(300, 60, 'Bags ordered; children chose the design.'),
      u(262, 100, 'Every team has a stock. Carers told.', { status: 'done' }),
    ],
  },
  {
    key: 'mentors',
    promise: 'trustedAdult',
    title: 'Set up a mentoring scheme matching care leavers with trained volunteer mentors',
    childTitle: 'Match you with a mentor who has time for you',
    owner: 'leaving',
    due: 90,
    status: 'on_track',
    progress: 35,
    updates: [u(220, 10, 'Partner charity chosen.'), u(95, 35, 'First 8 volunteers trained; matching to start.')],
  },
  {
    key: 'pa-to-25',
    promise: 'trustedAdult',
    title: 'Keep the same personal adviser up to 25 unless the young person asks for a change',
    childTitle: 'Keep the same personal adviser until you are 25, unless you want someone else',
    owner: 'leaving',
    due: -60,
    status: 'done',
    progress: 100,
    updates: [
      u(240, 40, 'Caseloads rebalanced so advisers can keep young people longer.'),
      u(62, 100, 'Done. Only changes now are when an adviser leaves or the young person asks.', { status: 'done' }),
    ],
  },
  {
    key: 'evening-line',
    promise: 'trustedAdult',
    title: 'An evening and weekend phone line for care leavers, answered by people who know the service',
    childTitle: 'A phone number you can call in the evening and at weekends',
    owner: 'leaving',
    due: 5,
    status: 'at_risk',
    progress: 70,
    updates: [
      u(150, 30, 'Agreed with the out-of-hours team; rota being worked out.'),
      u(50, 55, 'Trial on Friday and Saturday evenings.'),
      u(12, 70, 'Sunday cover still not staffed; may need to move the date.', { status: 'at_risk' }),
    ],
  },
  // Your rights and your say
  {
    key: 'whos-who-card',
    promise: 'knowWorker',
    title: "Give every child a who's who card with their social worker's photo and how to reach them",
    childTitle: "A card with your social worker's photo and how to reach them",
    owner: 'cic',
    due: -150,
    status: 'done',
    progress: 100,
    updates: [
      u(260, 40, 'Card designed by the children in care council.'),
      u(155, 100, 'Cards sent to every child; reissued whenever a worker changes.', { status: 'done' }),
    ],
  },
  {
    key: 'seen-alone',
    promise: 'knowWorker',
    title: 'Check at every review that the child has been seen alone by their social worker',
    childTitle: 'At your review, we check you had time on your own with your social worker',
    owner: 'iro',
    due: 30,
    status: 'on_track',
    progress: 60,
    updates: [
      u(180, 20, 'Question added to the review record.'),
      u(25, 60, 'Recorded in 84% of reviews this quarter.'),
    ],
  },
  {
    key: 'text-team',
    promise: 'knowWorker',
    title: "A text-message number for each children in care team, so children can message their worker's team",
    childTitle: "A number you can text to reach your social worker's team",
    owner: 'cic',
    due: -30,
    status: 'off_track',
    progress: 20,
    updates: [
      u(160, 10, 'Options paper written.'),
      u(80, 20, 'On hold: waiting for the IT security review.', { status: 'off_track' }),
    ],
  },
  {
    key: 'advocate-offer',
    promise: 'reviews',
    title: 'Offer every child an advocate before each review, in writing and in person',
    childTitle: 'Before every meeting about you, we will offer you someone to help you speak up',
    owner: 'iro',
    due: -90,
    status: 'done',
    progress: 100,
    updates: [
      u(210, 50, 'Advocacy provider contract changed to allow it.'),
      u(92, 100, 'Offer made in 96% of reviews this quarter.', { status: 'done' }),
    ],
  },
  {
    key: 'choose-review',
    promise: 'reviews',
    title: 'Children choose where their review is held and who comes',
    childTitle: 'You choose where your meeting happens and who comes',
    owner: 'iro',
    due: 60,
    status: 'on_track',
    progress: 50,
    updates: [u(130, 20, 'My meeting, my way form piloted in one team.'), u(35, 50, 'Form in use across all teams.')],
  },
  {
    key: 'writing-training',
    promise: 'records',
    title: 'Train every social worker in writing to the child',
    childTitle: 'Teach social workers to write about you in words you understand',
    owner: 'iro',
    due: -15,
    status: 'at_risk',
    progress: 90,
    updates: [
      u(190, 30, 'Care leavers helped write the training.'),
      u(70, 70, '112 of 160 staff trained.'),
      u(18, 90, 'A few agency staff still to attend; last session booked.', { status: 'at_risk' }),
    ],
  },
  {
    key: 'review-letters',
    promise: 'records',
    title: 'Write review records as a letter to the child',
    childTitle: 'After your meeting you get a letter about it, written to you',
    owner: 'iro',
    due: 75,
    status: 'on_track',
    progress: 40,
    updates: [u(60, 40, 'Letter template agreed; reviewing officers using it in half of reviews.')],
  },
  {
    key: 'read-my-file',
    promise: 'records',
    title: 'Support care leavers to read their files with a worker beside them',
    childTitle: 'If you want to read your file, someone will sit with you while you do',
    owner: 'leaving',
    due: 180,
    status: 'not_started',
    progress: 0,
    updates: [u(45, 0, 'Starts after the records team restructure in the spring.')],
  },
  {
    key: 'you-said-poster',
    promise: 'youSaid',
    title: 'Publish a you said, we did poster after every children in care council meeting',
    childTitle: 'A poster after every forum meeting showing what we did about what you said',
    owner: 'leader',
    due: -180,
    status: 'done',
    progress: 100,
    updates: [
      u(240, 50, 'First poster out; young people designed the layout.'),
      u(182, 100, 'Now produced after every meeting and put on the kiosk.', { status: 'done' }),
    ],
  },
  {
    key: 'answer-28-days',
    promise: 'youSaid',
    title: 'Answer every piece of forum feedback within 28 days',
    childTitle: 'Get back to you about what you told us within four weeks',
    owner: 'leader',
    due: 120,
    status: 'at_risk',
    progress: 65,
    updates: [
      u(200, 30, 'Tracker set up; directors get a weekly list of what is waiting.'),
      u(90, 55, 'Most answers now within 28 days. Health and housing items take longer.'),
      u(10, 65, 'Backlog after the summer survey. Extra officer time agreed.', { status: 'at_risk' }),
    ],
  },
  {
    key: 'interview-panels',
    promise: 'youSaid',
    title: 'Children in care council members sit on interview panels for senior posts',
    childTitle: 'You can help choose the people who get top jobs in children’s services',
    owner: 'leader',
    due: -70,
    status: 'done',
    progress: 100,
    updates: [
      u(150, 50, 'Young interviewers trained and paid in vouchers.'),
      u(72, 100, 'Young people sat on the panels for both head of service posts.', { status: 'done' }),
    ],
  },
  // Feeling well and bouncing back
  {
    key: 'choose-health-place',
    promise: 'health',
    title: 'Children choose where their health assessment happens and whether their carer is in the room',
    childTitle: 'You choose where your health check happens and who is there',
    owner: 'nurse',
    due: -100,
    status: 'done',
    progress: 100,
    updates: [
      u(230, 50, 'Letters changed to offer a choice.'),
      u(101, 100, 'Now offered to everyone; most older children choose their own doctor.', { status: 'done' }),
    ],
  },
  {
    key: 'iha-20-days',
    promise: 'health',
    title: 'Raise initial health assessments completed within 20 working days to 90%',
    childTitle: 'When you come into care, you get your first health check within four weeks',
    owner: 'nurse',
    due: 40,
    status: 'at_risk',
    progress: 55,
    updates: [
      u(210, 20, 'Notification delays found: paperwork reaching health late.'),
      u(110, 40, 'Same-day notification agreed.'),
      u(20, 55, 'Up to 74%. Paediatric clinic capacity is the problem.', { status: 'at_risk' }),
    ],
  },
  {
    key: 'dentist',
    promise: 'health',
    title: 'A dental check within three months of coming into care, with a named dental practice',
    childTitle: 'See a dentist within three months of coming into care',
    owner: 'nurse',
    due: -10,
    status: 'off_track',
    progress: 30,
    updates: [
      u(170, 15, 'Talks with the dental network started.'),
      u(65, 30, 'Only two practices taking new patients. Escalated to the health board.', { status: 'off_track' }),
    ],
  },
  {
    key: 'fast-track-feelings',
    promise: 'feelings',
    title: 'A fast-track route to emotional health support: first appointment within four weeks',
    childTitle: 'If you need someone to talk to about your feelings, you see them within four weeks',
    owner: 'nurse',
    due: 100,
    status: 'on_track',
    progress: 45,
    updates: [
      u(190, 10, 'Agreed in principle with the emotional health service.'),
      u(100, 30, 'Two therapists recruited to the children in care team.'),
      u(28, 45, 'Referral route live for new referrals; waiting list still being cleared.'),
    ],
  },
  {
    key: 'therapeutic-carers',
    promise: 'feelings',
    title: 'Train all foster carers in therapeutic parenting',
    childTitle: 'Help carers understand how you feel when things are hard',
    owner: 'fostering',
    due: -40,
    status: 'done',
    progress: 100,
    updates: [u(160, 60, 'Four cohorts trained.'), u(41, 100, 'All current carers have attended.', { status: 'done' })],
  },
  {
    key: 'hub-drop-in',
    promise: 'feelings',
    title: 'Weekly well-being drop-in at the care leavers hub',
    childTitle: 'A weekly drop-in at the hub where you can talk to someone about how you feel',
    owner: 'leaving',
    due: 12,
    status: 'on_track',
    progress: 80,
    updates: [u(90, 40, 'Room and staff agreed.'), u(8, 80, 'Running fortnightly; weekly from next month.')],
  },
  {
    key: 'leisure-pass',
    promise: 'hobbies',
    title: "A free leisure pass for every child in care and their carer, for the council's pools and gyms",
    childTitle: 'A free pass for swimming and the gym, for you and your carer',
    owner: 'cic',
    due: -230,
    status: 'done',
    progress: 100,
    updates: [u(290, 50, 'Agreed with the leisure trust.'), u(232, 100, 'Passes issued.', { status: 'done' })],
  },
  {
    key: 'carers-say-yes',
    promise: 'hobbies',
    title: 'Foster carers can agree sleepovers, haircuts and school trips without asking a social worker',
    childTitle: 'Your carer can say yes to sleepovers, haircuts and trips without waiting',
    owner: 'fostering',
    due: -5,
    status: 'at_risk',
    progress: 75,
    updates: [
      u(170, 30, 'Delegated authority form rewritten with young people.'),
      u(80, 55, 'Agreed for all long-term homes.'),
      u(15, 75, 'Short-term homes still waiting for sign-off from legal.', { status: 'at_risk' }),
    ],
  },
  {
    key: 'hobby-budget',
    promise: 'hobbies',
    title: 'A hobbies budget of £150 a year for every child in care',
    childTitle: 'Money for every child to spend on a hobby',
    owner: 'leader',
    due: -60,
    status: 'dropped',
    progress: 0,
    childReason:
      'We wanted to give everyone money for hobbies, but the council could not find the money this year. Instead, your free leisure pass now includes clubs and music lessons too.',
    updates: [
      u(200, 10, 'Costed and put forward in the budget.'),
      u(75, 0, 'Not funded in the budget. Leisure pass widened instead.', { status: 'dropped' }),
    ],
  },
  {
    key: 'protocol',
    promise: 'secondChances',
    title: 'Sign a local protocol to reduce unnecessary police involvement in children’s homes',
    childTitle: 'Only call the police when it is really needed, like a family would',
    owner: 'police',
    due: -150,
    status: 'done',
    progress: 100,
    updates: [
      u(250, 50, 'Draft shared with children’s home managers.'),
      u(152, 100, 'Protocol signed by police, council and providers.', { status: 'done' }),
    ],
  },
  {
    key: 'return-talks',
    promise: 'secondChances',
    title: 'A return-home conversation within 72 hours after every missing episode',
    childTitle: 'If you go missing, someone you trust talks with you within three days of coming back',
    owner: 'police',
    due: 8,
    status: 'on_track',
    progress: 70,
    updates: [u(120, 40, 'Independent return-home workers in place.'), u(26, 70, '81% within 72 hours.')],
  },
  {
    key: 'restorative',
    promise: 'secondChances',
    title: 'Train children’s home staff in restorative approaches',
    childTitle: 'Help staff sort things out by talking, not punishing',
    owner: 'fostering',
    due: 140,
    status: 'not_started',
    progress: 0,
    updates: [u(70, 0, 'Training provider being chosen.')],
  },
  // Your future
  {
    key: 'my-voice-pep',
    promise: 'school',
    title: 'Every personal education plan has a my voice page written with the child',
    childTitle: 'Your school plan has a page in your own words',
    owner: 'vsh',
    due: -50,
    status: 'done',
    progress: 100,
    updates: [
      u(180, 40, 'Page added to the plan.'),
      u(52, 100, 'Completed in 91% of plans last term.', { status: 'done' }),
    ],
  },
  {
    key: 'tutoring',
    promise: 'school',
    title: 'Offer one-to-one tutoring to every child in care in Years 10 and 11',
    childTitle: 'Extra help with schoolwork from a tutor in Years 10 and 11',
    owner: 'vsh',
    due: 25,
    status: 'on_track',
    progress: 60,
    updates: [u(140, 20, 'Tutoring provider chosen.'), u(30, 60, '58 young people have a tutor.')],
  },
  {
    key: 'same-school',
    promise: 'school',
    title: 'Keep children at the same school when they move home, unless they want to change',
    childTitle: 'Stay at your school when you move home, unless you want to change',
    owner: 'vsh',
    due: 200,
    status: 'on_track',
    progress: 30,
    updates: [
      u(110, 15, 'Transport fund agreed.'),
      u(40, 30, 'School moves now need the virtual school head to agree.'),
    ],
  },
  {
    key: 'apprenticeships',
    promise: 'jobs',
    title: 'Ring-fence 15 council apprenticeships a year for care leavers',
    childTitle: '15 apprenticeships a year at the council kept for care leavers',
    owner: 'leader',
    due: -25,
    status: 'off_track',
    progress: 40,
    updates: [
      u(230, 20, 'Agreed by the corporate leadership team.'),
      u(120, 30, 'Only 4 posts ring-fenced so far; services slow to release posts.'),
      u(33, 40, 'Six posts filled. Chief executive asked each director for two more.', { status: 'off_track' }),
    ],
  },
  {
    key: 'careers-taster',
    promise: 'jobs',
    title: 'Every care leaver aged 17 gets a careers interview and a work taster',
    childTitle: 'At 17 you get a careers chat and a chance to try out a job',
    owner: 'careers',
    due: 60,
    status: 'on_track',
    progress: 55,
    updates: [u(150, 20, 'Employers signed up: 14.'), u(22, 55, '31 of 56 seventeen-year-olds have had both.')],
  },
  {
    key: 'driving',
    promise: 'jobs',
    title: "Pay for care leavers' provisional licence and first ten driving lessons",
    childTitle: 'Help to pay for your provisional licence and driving lessons',
    owner: 'leaving',
    due: 160,
    status: 'not_started',
    progress: 0,
    updates: [u(20, 0, 'Costing with finance before the budget round.')],
  },
  {
    key: 'council-tax',
    promise: 'leavingHome',
    title: 'Exempt care leavers from council tax up to age 25',
    childTitle: 'No council tax to pay until you are 25',
    owner: 'leaving',
    due: -300,
    status: 'done',
    progress: 100,
    updates: [
      u(330, 60, 'Agreed by full council.'),
      u(302, 100, 'Exemption applied automatically.', { status: 'done' }),
    ],
  },
  {
    key: 'staying-close',
    promise: 'leavingHome',
    title: 'Ten staying close flats with support nearby',
    childTitle: 'Flats near your old home, with people you know close by',
    owner: 'housing',
    due: 3,
    status: 'at_risk',
    progress: 70,
    updates: [
      u(260, 20, 'Housing association partner agreed.'),
      u(150, 45, 'Four flats ready.'),
      u(30, 70, 'Seven flats ready; last three held up by repairs.', { status: 'at_risk' }),
    ],
  },
  {
    key: 'housing-plan',
    promise: 'leavingHome',
    title: 'Every care leaver has a housing plan by 17 and a half',
    childTitle: 'A plan for where you will live, made with you by the time you are 17 and a half',
    owner: 'housing',
    due: -35,
    status: 'at_risk',
    progress: 60,
    updates: [
      u(190, 30, 'Joint housing panel set up.'),
      u(75, 60, 'Plans in place for 60% of young people aged 17 and a half.', { status: 'at_risk' }),
    ],
  },
  {
    key: 'life-skills',
    promise: 'money',
    title: 'A money and life skills course before leaving care: cooking, bills and budgeting',
    childTitle: 'A course on cooking, bills and managing money before you leave care',
    owner: 'leaving',
    due: 35,
    status: 'on_track',
    progress: 50,
    updates: [u(100, 20, 'Course written with care leavers.'), u(16, 50, 'First group finished; second starting.')],
  },
  {
    key: 'bank-account',
    promise: 'money',
    title: 'Help every young person open a bank account at 16 and understand their savings',
    childTitle: 'Help to open a bank account at 16 and know what savings you have',
    owner: 'leaving',
    due: -80,
    status: 'done',
    progress: 100,
    updates: [
      u(180, 50, 'Banks agreed to accept our ID letter.'),
      u(82, 100, 'Part of every pathway plan now.', { status: 'done' }),
    ],
  },
];

export type DemoMeasure = {
  promise: PromiseKey;
  name: string;
  childSentence: string;
  unit: 'count' | 'percent' | 'score';
  direction: 'higher' | 'lower';
  baseline: number;
  target: number;
  source: string;
  owner: UserKey;
  /** First and last of the twelve quarterly values, and how much they wobble. */
  from: number;
  to: number;
  wobble: number;
  /** How many children each quarter's figure is built on: [low, high]. */
  base?: [number, number];
  /** Annual comparators, oldest first (three years). */
  england?: [number, number, number];
  neighbours?: [number, number, number];
};

export const DEMO_MEASURES: DemoMeasure[] = [
  {
    promise: 'jobs',
    name: 'Care leavers aged 19 to 21 in education, employment or training (%)',
    childSentence: 'Out of every 100 care leavers aged 19 to 21, this many are at college, in training or in a job.',
    unit: 'percent',
    direction: 'higher',
    baseline: 47,
    target: 60,
    source: 'Leaving care case records, quarterly',
    owner: 'careers',
    from: 47,
    to: 55,
    wobble: 2,
    base: [118, 132],
    england: [55, 56, 56],
    neighbours: [52, 53, 54],
  },
  {
    promise: 'knowWorker',
    name: 'Children who know who their social worker is (%)',
    childSentence: 'Out of every 100 children who answered, this many know who their social worker is.',
    unit: 'percent',
    direction: 'higher',
    baseline: 78,
    target: 95,
    source: 'Quarterly check-in questions at reviews',
    owner: 'cic',
    from: 78,
    to: 91,
    wobble: 1.5,
    base: [150, 180],
  },
  {
    promise: 'homes',
    name: 'Children who moved home three or more times in a year (%)',
    childSentence:
      'Out of every 100 children, this many had to move home three times or more in a year. Lower is better.',
    unit: 'percent',
    direction: 'lower',
    baseline: 9.5,
    target: 8,
    source: 'Children in care returns, rolling 12 months',
    owner: 'fostering',
    from: 9.5,
    to: 12,
    wobble: 0.6,
    base: [370, 395],
    england: [10, 10, 11],
    neighbours: [10, 11, 11],
  },
  {
    promise: 'health',
    name: 'Annual health assessments done on time (%)',
    childSentence: 'Out of every 100 children, this many had their yearly health check on time.',
    unit: 'percent',
    direction: 'higher',
    baseline: 78,
    target: 95,
    source: 'Health partner performance report',
    owner: 'nurse',
    from: 78,
    to: 90,
    wobble: 2,
    base: [300, 320],
    england: [89, 90, 90],
  },
  {
    promise: 'school',
    name: 'Personal education plans reviewed on time (%)',
    childSentence: 'Out of every 100 school plans, this many were checked with you on time.',
    unit: 'percent',
    direction: 'higher',
    baseline: 82,
    target: 95,
    source: 'Virtual school records, termly',
    owner: 'vsh',
    from: 82,
    to: 93,
    wobble: 1.5,
    base: [240, 260],
  },
  {
    promise: 'feelings',
    name: 'Well-being survey: how happy children felt yesterday (average score out of 10)',
    childSentence: 'When we asked how happy you felt yesterday, out of 10, this was the average answer.',
    unit: 'score',
    direction: 'higher',
    baseline: 6.4,
    target: 7.5,
    source: 'Your life, your say well-being survey',
    owner: 'nurse',
    from: 6.4,
    to: 7,
    wobble: 0.2,
    base: [110, 150],
  },
  {
    promise: 'leavingHome',
    name: 'Care leavers in suitable homes (%)',
    childSentence: 'Out of every 100 care leavers, this many live somewhere safe and right for them.',
    unit: 'percent',
    direction: 'higher',
    baseline: 86,
    target: 95,
    source: 'Leaving care case records, quarterly',
    owner: 'housing',
    from: 86,
    to: 89,
    wobble: 1.5,
    base: [200, 215],
    england: [88, 88, 89],
    neighbours: [87, 87, 88],
  },
  {
    promise: 'reviews',
    name: 'Children who spoke at their review or were helped by an advocate (%)',
    childSentence: 'Out of every 100 meetings about children, this many heard from the child or their advocate.',
    unit: 'percent',
    direction: 'higher',
    baseline: 72,
    target: 90,
    source: 'Independent reviewing officer records',
    owner: 'iro',
    from: 72,
    to: 88,
    wobble: 2,
    base: [280, 310],
  },
  {
    promise: 'school',
    name: 'Children placed over 20 miles away who stayed at the same school (%)',
    childSentence: 'Out of the children who moved far away, this many kept going to the same school.',
    unit: 'percent',
    direction: 'higher',
    baseline: 50,
    target: 80,
    source: 'Virtual school records, termly',
    owner: 'vsh',
    from: 50,
    to: 70,
    wobble: 8,
    // Few children: several quarters fall under the small-number threshold and are hidden.
    base: [2, 9],
  },
  {
    promise: 'jobs',
    name: 'Work tasters, placements and apprenticeships offered to care leavers in the quarter (count)',
    childSentence:
      'How many chances to try a job, do a placement or start an apprenticeship care leavers were offered.',
    unit: 'count',
    direction: 'higher',
    baseline: 8,
    target: 40,
    source: 'Careers partner and HR apprenticeship records',
    owner: 'careers',
    from: 8,
    to: 31,
    wobble: 2,
  },
  {
    promise: 'secondChances',
    name: 'Return-home conversations within 72 hours of a missing episode (%)',
    childSentence: 'Out of every 100 times a child went missing, this many had a talk with someone within three days.',
    unit: 'percent',
    direction: 'higher',
    baseline: 58,
    target: 90,
    source: 'Police and missing-children team joint data',
    owner: 'police',
    from: 58,
    to: 81,
    wobble: 3,
    base: [45, 70],
  },
];

export type DemoEvidence = {
  promise: PromiseKey;
  kind: 'case_study' | 'quote' | 'document';
  title: string;
  body: string;
  url?: string;
  ago: number;
};

export const DEMO_EVIDENCE: DemoEvidence[] = [
  {
    promise: 'siblings',
    kind: 'case_study',
    title: 'Two brothers cook together at the family time house trial',
    body: 'Two brothers living in different foster homes had only seen each other in an office for a year. During the trial at the family time house they cooked a meal together and took it out to the garden. Their carers now meet there every month.',
    ago: 40,
  },
  {
    promise: 'knowWorker',
    kind: 'quote',
    title: "What a young person said about the who's who card",
    body: '"I keep the card in my phone case. I texted her when I was worried and she rang me back the same day." (age 11-18)',
    ago: 120,
  },
  {
    promise: 'youSaid',
    kind: 'document',
    title: 'You said, we did: spring poster',
    body: 'The poster the children in care council made after their spring meetings.',
    url: 'https://example.org/westmere/you-said-we-did-spring.pdf',
    ago: 200,
  },
  {
    promise: 'workers',
    kind: 'document',
    title: 'Social work workforce plan 2025-2028',
    body: 'How the council will recruit and keep permanent social workers.',
    url: 'https://example.org/westmere/workforce-plan-2025-2028.pdf',
    ago: 280,
  },
  {
    promise: 'jobs',
    kind: 'case_study',
    title: 'From a work taster to an apprenticeship in the parks team',
    body: 'A care leaver tried a week in the parks team through the work taster scheme, applied for a ring-fenced apprenticeship and started in the spring. Their personal adviser helped with interview practice and a bike to get to work.',
    ago: 90,
  },
  {
    promise: 'health',
    kind: 'quote',
    title: 'What young people said about choosing where their health check happens',
    body: '"Doing it at my own doctor was way better. I didn\'t have to miss school and it felt normal." (age 11-18)',
    ago: 95,
  },
  {
    promise: 'leavingHome',
    kind: 'document',
    title: 'Staying close: six-month evaluation',
    body: 'What young people in the first staying close flats told the evaluators, and what has changed since.',
    url: 'https://example.org/westmere/staying-close-evaluation.pdf',
    ago: 60,
  },
  {
    promise: 'secondChances',
    kind: 'case_study',
    title: 'Talking it through instead of calling the police',
    body: 'After a broken window at a children’s home, staff used the new protocol: the young person helped fix it and talked it through with the manager. No police call, and no criminal record for something a family would have sorted out at home.',
    ago: 130,
  },
  {
    promise: 'records',
    kind: 'document',
    title: 'Writing to the child: practice guide',
    body: 'The guide care leavers helped to write for social workers and reviewing officers.',
    url: 'https://example.org/westmere/writing-to-the-child.pdf',
    ago: 150,
  },
];

export type Response = { response: 'did' | 'doing' | 'cant'; text: string; cantReason?: string };

/** A subject children raise again and again: their words, the promises it concerns, our answers. */
export type FeedbackTopic = {
  promises: PromiseKey[];
  commitment?: string;
  /** Who says it: the children in care council, the care leavers forum, or either. */
  who: 'cicc' | 'care-leavers' | 'either';
  bands: string[];
  quotes: string[];
  answers: Response[];
};

export const FEEDBACK_TOPICS: FeedbackTopic[] = [
  {
    promises: ['siblings'],
    commitment: 'family-time-house',
    who: 'cicc',
    bands: ['8-11', '11-18', 'mixed'],
    quotes: [
      "I only see my sister once a month and it's in a room with a worker watching. It doesn't feel like family.",
      'Can we see our brothers and sisters somewhere that isn’t an office? Like a park or somewhere with a kitchen.',
      'I want to see my little brother more. He is growing up and I am missing it.',
      'Family time is always at the same time as football so I have to choose.',
      'When we see our sisters we should be able to do normal stuff, like cook tea or watch a film.',
      'My brother lives really far away now and nobody asked me if that was ok.',
      "I'd like to have sleepovers with my sister at my carer's house.",
      'Contact is boring. We just sit there.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'You told us family time feels like an office. We are opening a family time house with a kitchen and a garden, and you chose the colours. It opens soon.',
      },
      {
        response: 'did',
        text: 'Your plan now says who your brothers and sisters are and how often you want to see them. Your social worker must ask you about it at every visit.',
      },
    ],
  },
  {
    promises: ['siblings'],
    commitment: 'sibling-travel',
    who: 'care-leavers',
    bands: ['care-leaver'],
    quotes: [
      'Since I left care I can’t afford the train to see my brothers. It’s like they just stopped caring about us seeing each other.',
      'The bus fare to see my sister is more than I spend on food some weeks.',
      'Nobody helps you keep in touch with your family once you turn 18.',
      'It should be easier to visit my younger siblings who are still in care. I have to ask permission every single time.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'We are writing a rule so the council pays your travel to see your brothers and sisters. Until it is agreed, your personal adviser can pay it from their fund. Just ask.',
      },
    ],
  },
  {
    promises: ['workers', 'knowWorker'],
    commitment: 'handover-visits',
    who: 'cicc',
    bands: ['8-11', '11-18', 'mixed', '4-7'],
    quotes: [
      "I've had five social workers in two years. I stop telling them stuff because they just leave.",
      'Nobody told me my social worker was leaving. A new one just turned up.',
      'I had to tell my whole story again to the new worker and it was horrible.',
      'My social worker is nice but I know she will leave soon, they all do.',
      'Can the old social worker and the new one come together so it isn’t a stranger?',
      'I like my social worker. Please don’t change her.',
      'Every time my worker changes my plans get forgotten.',
    ],
    answers: [
      {
        response: 'did',
        text: 'When your social worker has to change, your old and new worker now visit you together first. You should never have to meet a stranger.',
      },
      {
        response: 'doing',
        text: 'We are hiring more social workers who stay with the council, so changes happen less. We are not there yet, and we will keep telling you how it is going.',
      },
    ],
  },
  {
    promises: ['knowWorker'],
    commitment: 'text-team',
    who: 'cicc',
    bands: ['11-18', 'mixed'],
    quotes: [
      'I don’t know how to get hold of my social worker. I ring and it goes to a voicemail that is always full.',
      'We should be able to text our social worker. Nobody my age phones people.',
      'I didn’t know who my social worker was for ages.',
      'When I want to talk to my social worker on my own my carer is always in the room.',
      'I want my social worker to see me at school sometimes, not always at home.',
      'I would like a card or something with my worker’s picture so I remember who she is.',
    ],
    answers: [
      {
        response: 'did',
        text: "Everyone now has a card with their social worker's photo and how to reach them. If you haven't got one, ask at the forum and we will send it.",
      },
      {
        response: 'cant',
        text: 'We wanted a number you can text your social worker’s team, but we can’t do it yet.',
        cantReason:
          'The council has to make sure messages about you are kept safe and private first. That check is not finished, so for now please ring or email, and we will tell you when texting is ready.',
      },
    ],
  },
  {
    promises: ['reviews'],
    commitment: 'choose-review',
    who: 'cicc',
    bands: ['8-11', '11-18', 'mixed'],
    quotes: [
      'My review is full of adults talking about me like I’m not there.',
      'I don’t want my review at school because everyone knows why I get taken out of class.',
      'I want to choose who comes to my meeting. I don’t even know half of them.',
      'Can reviews be somewhere nicer, like a café?',
      'I didn’t know I could have an advocate until I was 14.',
      'I wanted to say something at my review but I got nervous. It would help to write it down first.',
      'The meetings are too long and boring and use big words.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'Your reviewing officer will now ask you where you want your meeting and who you want there, using the "my meeting, my way" form you helped make.',
      },
      {
        response: 'did',
        text: 'Before every review you are now offered an advocate, someone on your side who helps you say what you want.',
      },
    ],
  },
  {
    promises: ['records'],
    commitment: 'writing-training',
    who: 'either',
    bands: ['11-18', 'care-leaver'],
    quotes: [
      'I read my file and it made me sound like a problem. There was nothing good in it.',
      'My plan had words I had to look up.',
      'They wrote that I "refused" to go to contact. I didn’t refuse, I just didn’t want to go that day.',
      'Please write things so I can understand them when I’m older.',
      'I want to read my file but I’m scared of what’s in it. I don’t want to do it on my own.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'Care leavers helped us write training for social workers on writing about you kindly and clearly. Most have done it now.',
      },
      {
        response: 'doing',
        text: 'After your review you will get a letter written to you, not a report about you. Some of you already get them.',
      },
    ],
  },
  {
    promises: ['youSaid'],
    commitment: 'answer-28-days',
    who: 'either',
    bands: ['11-18', 'care-leaver', 'mixed'],
    quotes: [
      'We said this last year and nothing happened.',
      'What happened to the stuff we said about wifi? Nobody ever came back to us.',
      'It feels like we talk and talk and adults write it down and then it disappears.',
      'Can you tell us what you did with what we said last time before we start?',
      'I like the poster that shows what got done.',
    ],
    answers: [
      {
        response: 'did',
        text: 'After every forum meeting we now make a "you said, we did" poster, and it is on the screen at the forum too.',
      },
      {
        response: 'doing',
        text: 'Directors get a list every week of what you have told us that is still waiting for an answer. We aim to answer everything within four weeks.',
      },
    ],
  },
  {
    promises: ['health'],
    commitment: 'choose-health-place',
    who: 'cicc',
    bands: ['8-11', '11-18', '4-7'],
    quotes: [
      'I hate my health check being at the clinic, it makes me feel different.',
      'Why do I have to get weighed in front of my carer?',
      'I had to miss a maths test for my health check.',
      'The nurse was nice and explained everything.',
      'I want to go to the same doctor as my foster family.',
      "I haven't been to the dentist since I moved and my tooth hurts sometimes.",
    ],
    answers: [
      {
        response: 'did',
        text: 'You can now choose where your health check happens, like your own doctor, and whether your carer is in the room.',
      },
      {
        response: 'doing',
        text: 'It is hard to find dentists taking new children. The health service is working on it and your nurse can help you get seen sooner if something hurts.',
      },
    ],
  },
  {
    promises: ['feelings'],
    commitment: 'fast-track-feelings',
    who: 'either',
    bands: ['11-18', 'care-leaver', 'mixed'],
    quotes: [
      'I was put on a waiting list for counselling and I waited nearly a year.',
      'When you feel really low there’s nobody to talk to at night.',
      'I don’t want to talk to a stranger about my feelings. I want someone who already knows me.',
      'Mental health help stops when you turn 18, like your problems just end.',
      'Drop-ins would be good because you don’t have to book.',
      'My carer doesn’t get why I get angry. They should have training.',
      'I want to talk to someone who has been in care too.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'Two new therapists now work only with children in care. We are setting things up so you see someone within four weeks, not months.',
      },
      {
        response: 'did',
        text: 'All foster carers have now had training to help them understand how you might feel when things are hard.',
      },
      {
        response: 'doing',
        text: 'There is a well-being drop-in at the care leavers hub every other week, and soon every week. No booking needed.',
      },
    ],
  },
  {
    promises: ['hobbies'],
    commitment: 'carers-say-yes',
    who: 'cicc',
    bands: ['8-11', '11-18', '4-7', 'mixed'],
    quotes: [
      'I couldn’t go on a sleepover because my social worker didn’t sign the form in time.',
      'My friends just ask their mum if they can get a haircut. I have to wait for a meeting.',
      'I missed the school trip because the permission didn’t come back.',
      'I want to do swimming lessons but nobody will pay.',
      'Can we have free gym passes?',
      'I love my dance club, please keep paying for it.',
      'I want to learn guitar.',
      'My carer wanted to take me on holiday abroad and it took months to say yes.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'Your carer can now say yes to sleepovers, haircuts and school trips straight away if you live with them long term. We are sorting the same for short-term homes.',
      },
      {
        response: 'did',
        text: 'Every child in care and their carer now has a free pass for the pools and gyms, and it now covers clubs and music lessons too.',
      },
      {
        response: 'cant',
        text: 'We can’t give everyone money for hobbies this year.',
        cantReason:
          'The council did not have enough money in its budget this year. Instead, your free leisure pass now includes clubs and music lessons.',
      },
    ],
  },
  {
    promises: ['homes'],
    commitment: 'welcome-plans',
    who: 'cicc',
    bands: ['8-11', '11-18', '4-7', 'mixed'],
    quotes: [
      'I moved with my stuff in bin bags. It made me feel like rubbish.',
      'I didn’t know anything about my new carers until I got there.',
      'It would be nice to see a picture of your bedroom before you move.',
      'I have moved so many times I don’t unpack anymore.',
      'I want to stay near my friends when I move.',
      'My new home is good. I want to stay here.',
      'When I moved I had to leave my bike behind and never got it back.',
    ],
    answers: [
      {
        response: 'did',
        text: 'Everyone who moves now gets a proper suitcase and bag. Nobody should move with bin bags again. Tell us if it ever happens.',
      },
      {
        response: 'doing',
        text: 'Before you move you should now get a welcome book with photos of your carers and your room. It still doesn’t always happen when a move is in a hurry, and we are working on that.',
      },
      {
        response: 'doing',
        text: 'We are finding more foster families near here, so you can stay close to your friends and school.',
      },
    ],
  },
  {
    promises: ['secondChances'],
    commitment: 'protocol',
    who: 'either',
    bands: ['11-18', 'care-leaver'],
    quotes: [
      'In a normal family if you break a plate your mum doesn’t ring the police.',
      'Staff called the police because I came back late. My friends just get told off.',
      'When I go missing I don’t want a police officer asking me questions when I get back.',
      'Everyone gets second chances except kids in care.',
    ],
    answers: [
      {
        response: 'did',
        text: 'The police, the council and children’s homes signed an agreement: they only call the police when it is really needed, like a family would.',
      },
      {
        response: 'doing',
        text: 'If you go missing, someone you trust (not a police officer) will talk with you within three days of you coming back.',
      },
    ],
  },
  {
    promises: ['school'],
    commitment: 'tutoring',
    who: 'cicc',
    bands: ['8-11', '11-18'],
    quotes: [
      'My teacher talks about my care stuff in front of the class.',
      'I need help with maths before my GCSEs.',
      'I don’t want to change school again when I move.',
      'My school plan meeting is always in lesson time and I miss stuff.',
      'I got a certificate at school and nobody from the council knew.',
      'I want to go to university but nobody in my family has.',
      'The school plan asks what I want but then nothing changes.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'Everyone in Years 10 and 11 can now have a tutor for extra help. Ask your designated teacher or the virtual school.',
      },
      {
        response: 'did',
        text: 'Your school plan now has a page in your own words, and the virtual school checks it is there.',
      },
      {
        response: 'doing',
        text: 'If you move home, you should stay at your school unless you want to change. The virtual school head now has to agree any school move.',
      },
    ],
  },
  {
    promises: ['jobs'],
    commitment: 'apprenticeships',
    who: 'care-leavers',
    bands: ['care-leaver'],
    quotes: [
      'The council should give us jobs first. They are supposed to be our parents.',
      'I applied for an apprenticeship and never heard back.',
      'I want work experience in something I actually care about, not just a warehouse.',
      'Help with the cost of driving lessons would help me get a job.',
      'I need help with my CV and interview clothes.',
      'I dropped out of college and now I don’t know what to do.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'Some council apprenticeships are now kept for care leavers. There are not yet as many as we promised, and the board is pushing every director for more.',
      },
      {
        response: 'doing',
        text: 'At 17 you get a careers chat and a chance to try a job you are interested in. Ask your personal adviser.',
      },
      {
        response: 'cant',
        text: 'We can’t pay for driving lessons yet.',
        cantReason:
          'We are working out the cost before the council sets next year’s budget. We will tell you the answer in the spring.',
      },
    ],
  },
  {
    promises: ['leavingHome'],
    commitment: 'staying-close',
    who: 'care-leavers',
    bands: ['care-leaver'],
    quotes: [
      'I was given a flat two weeks before my birthday and had never even seen it.',
      'The flat I got was miles away from everyone I know.',
      'Nobody tells you how to deal with the landlord when something breaks.',
      'I want to live near my old foster carers so I can still pop round.',
      'Moving out at 18 is too young. My mates live at home till they’re 25.',
      'I was scared of living on my own the first few months.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'We are opening flats near where you lived in care, with people you know close by. Seven are ready and three more are being repaired.',
      },
      {
        response: 'doing',
        text: 'Every care leaver should now get a housing plan, made with you, by 17 and a half. Not everyone has one yet; ask your personal adviser.',
      },
      {
        response: 'did',
        text: 'Care leavers in the borough no longer pay council tax until they are 25.',
      },
    ],
  },
  {
    promises: ['money', 'trustedAdult'],
    commitment: 'life-skills',
    who: 'care-leavers',
    bands: ['care-leaver'],
    quotes: [
      'Nobody taught me how to pay bills.',
      'I didn’t know I had savings until I was 18.',
      'I couldn’t open a bank account because I didn’t have ID.',
      'Cooking lessons before you move out would really help.',
      'I ran out of money the first month because I didn’t know how much gas costs.',
      'My PA is amazing. Please don’t change her.',
      'I want someone to call at the weekend when stuff goes wrong.',
    ],
    answers: [
      {
        response: 'doing',
        text: 'There is now a course on cooking, bills and money before you leave care, which care leavers helped to write.',
      },
      {
        response: 'did',
        text: 'You can now keep the same personal adviser until you are 25, unless you ask for someone else.',
      },
      {
        response: 'doing',
        text: 'We are setting up a phone line for evenings and weekends. Friday and Saturday are running now; we still need people for Sundays.',
      },
    ],
  },
  // Things children raise that are not about any promise.
  {
    promises: [],
    who: 'either',
    bands: ['8-11', '11-18', 'care-leaver', 'mixed'],
    quotes: [
      'Can the forum have better snacks? Not just biscuits.',
      'The wifi at the forum room never works.',
      'Can we meet on Saturdays instead of after school?',
      'We should have a trip in the summer like last year.',
      'I want the forum to have its own page on the council website.',
      'Can we have a forum for the younger kids with games?',
    ],
    answers: [
      { response: 'did', text: 'We asked and now there is pizza or fruit at every forum meeting.' },
      {
        response: 'doing',
        text: 'We are looking at Saturday meetings. We will ask everyone to vote at the next forum.',
      },
    ],
  },
];

/** Said once: a complaint, and what young people said on takeover day. */
export const SPECIAL_FEEDBACK = {
  complaint: {
    text: 'I made a complaint because my pocket money wasn’t paid for three weeks and nobody told me why. I had to borrow money from a friend.',
    band: '11-18',
    promises: ['money', 'youSaid'] as PromiseKey[],
    answer: {
      response: 'did' as const,
      text: 'You were right to complain. Your money was paid with an apology, and pocket money is now paid automatically so it cannot be forgotten.',
    },
  },
  takeover: [
    {
      text: 'Today I sat in the director’s chair. I would make every meeting about a child start by asking the child what they want.',
      promises: ['reviews'] as PromiseKey[],
    },
    {
      text: 'On takeover day we interviewed councillors. They should come to the forum more than once a year.',
      promises: ['youSaid'] as PromiseKey[],
    },
    {
      text: 'If I ran the council I would make sure every kid in care has a laptop for homework.',
      promises: ['school'] as PromiseKey[],
    },
    {
      text: 'I learnt that councillors are meant to be our corporate parents. Most of us didn’t know that.',
      promises: ['youSaid'] as PromiseKey[],
    },
    { text: 'Takeover day was the best day. Adults actually listened.', promises: [] as PromiseKey[] },
  ],
};

/** Flagged for safeguarding: the words read as a worry, never a detail, and are never published. */
export const SAFEGUARDING_FEEDBACK = [
  {
    text: 'I’m worried about something at home and I want to talk to someone on my own, not in front of everyone.',
    band: '11-18',
    toldWhom: 'Allocated social worker and team manager, by phone the same day',
  },
  {
    text: 'I don’t feel safe where I’m living at the moment. Can someone help me?',
    band: 'care-leaver',
    toldWhom: 'Personal adviser and leaving care duty manager, the same afternoon',
  },
];

/** Ratings at the three board meetings, oldest first, with a rationale where the board wrote one. */
export const RAG_STORY: Record<
  PromiseKey,
  {
    ratings: [
      'red' | 'amber' | 'green' | 'blue',
      'red' | 'amber' | 'green' | 'blue',
      'red' | 'amber' | 'green' | 'blue',
    ];
    rationale?: string;
  }
> = {
  siblings: {
    ratings: ['amber', 'amber', 'green'],
    rationale: 'Sibling wishes now recorded in most plans; family time house on track to open.',
  },
  workers: { ratings: ['red', 'red', 'amber'], rationale: 'Agency rate falling but still well above target.' },
  homes: {
    ratings: ['green', 'amber', 'amber'],
    rationale: 'Three or more moves has risen for three quarters running; welcome plans are late.',
  },
  trustedAdult: { ratings: ['amber', 'amber', 'amber'] },
  knowWorker: {
    ratings: ['amber', 'green', 'green'],
    rationale: "Who's who cards issued; survey shows 9 in 10 know their worker.",
  },
  reviews: { ratings: ['green', 'green', 'green'] },
  records: { ratings: ['red', 'amber', 'amber'] },
  youSaid: {
    ratings: ['amber', 'green', 'amber'],
    rationale: 'Backlog of unanswered feedback after the summer survey; several items past 28 days.',
  },
  health: {
    ratings: ['red', 'amber', 'green'],
    rationale: 'Annual health assessments close to target; dental access still a concern.',
  },
  feelings: { ratings: ['red', 'red', 'red'], rationale: 'Waits for emotional health support remain far too long.' },
  hobbies: {
    ratings: ['green', 'green', 'amber'],
    rationale: 'Hobbies budget not funded; delegated authority still partial.',
  },
  secondChances: { ratings: ['amber', 'green', 'green'] },
  school: { ratings: ['green', 'green', 'green'] },
  jobs: {
    ratings: ['amber', 'amber', 'red'],
    rationale: 'Ring-fenced apprenticeships well short of 15 and the commitment is overdue.',
  },
  leavingHome: { ratings: ['amber', 'red', 'amber'] },
  money: { ratings: ['green', 'green', 'green'] },
};

export const BOARD_MEETINGS = [
  {
    ago: 330,
    title: 'Corporate Parenting Board',
    focusTheme: 2,
    attendance: [
      { role: 'councillor', count: 5 },
      { role: 'officer', count: 4 },
      { role: 'partner', count: 2 },
      { role: 'young person', count: 2 },
    ],
    notes:
      'Focus on health and well-being. Two members of the children in care council presented their survey findings.',
  },
  {
    ago: 190,
    title: 'Corporate Parenting Board',
    focusTheme: 3,
    attendance: [
      { role: 'councillor', count: 4 },
      { role: 'officer', count: 5 },
      { role: 'partner', count: 3 },
      { role: 'young person', count: 3 },
    ],
    notes: 'Focus on the future. The care leavers forum ran the first half hour.',
  },
  {
    ago: 60,
    title: 'Corporate Parenting Board',
    focusTheme: 0,
    attendance: [
      { role: 'councillor', count: 6 },
      { role: 'officer', count: 4 },
      { role: 'partner', count: 2 },
      { role: 'young person', count: 1 },
    ],
    notes: 'Focus on relationships and stable homes.',
  },
];

export const CHALLENGES: {
  meeting: 0 | 1 | 2;
  promise: PromiseKey;
  owner: UserKey;
  text: string;
  dueIn: number;
  answer?: string;
  closedAfter?: number;
}[] = [
  {
    meeting: 0,
    promise: 'health',
    owner: 'nurse',
    text: 'Why are one in five children waiting longer than 20 working days for their first health assessment, and what will change?',
    dueIn: 42,
    answer:
      'Paperwork was reaching health late. Same-day notification is now agreed and the figure is rising each quarter.',
    closedAfter: 55,
  },
  {
    meeting: 0,
    promise: 'workers',
    owner: 'leader',
    text: 'Bring the plan to reduce agency social workers, with a target for each team.',
    dueIn: 60,
    answer: 'The workforce plan was presented in full at the next meeting; agency rate reported every quarter.',
    closedAfter: 140,
  },
  {
    meeting: 1,
    promise: 'feelings',
    owner: 'nurse',
    text: 'Children told us they wait months for emotional health support. Bring a recovery plan with dates.',
    dueIn: 60,
    answer: 'Two therapists appointed and a four-week fast-track route agreed; first referrals accepted.',
    closedAfter: 100,
  },
  {
    meeting: 1,
    promise: 'jobs',
    owner: 'careers',
    text: 'Report how many apprenticeships each directorate has ring-fenced for care leavers.',
    dueIn: 60,
  },
  {
    meeting: 2,
    promise: 'homes',
    owner: 'fostering',
    text: 'Explain why the share of children with three or more moves has risen this year and what is being done.',
    dueIn: 80,
  },
  {
    meeting: 2,
    promise: 'youSaid',
    owner: 'leader',
    text: 'How many pieces of forum feedback waited longer than 28 days for an answer, and why?',
    dueIn: 42,
  },
  {
    meeting: 2,
    promise: 'feelings',
    owner: 'nurse',
    text: 'Report waiting times for emotional health support at every meeting until the four-week target is met.',
    dueIn: 120,
  },
];

const PASSED_ON: Response = {
  response: 'did',
  text: 'Thank you for telling us something good. We told the people who look after you, so they know it helps.',
};

/** Free-text answers from the yearly well-being survey; `reply` where the usual answer would not fit. */
export const SURVEY_ANSWERS: { text: string; band: string; promises: PromiseKey[]; reply?: Response }[] = [
  { text: 'I like my bedroom. I want a pet.', band: '4-7', promises: [] },
  { text: 'I want to see my big sister more.', band: '4-7', promises: ['siblings'] },
  { text: 'My carer reads me stories. I like that.', band: '4-7', promises: ['homes'], reply: PASSED_ON },
  {
    text: 'I don’t know who my social worker is.',
    band: '4-7',
    promises: ['knowWorker'],
    reply: {
      response: 'did',
      text: "Every child now gets a card with their social worker's photo and how to reach them. Ask your carer to help you look at it.",
    },
  },
  { text: 'I want to go swimming.', band: '4-7', promises: ['hobbies'] },
  { text: 'I am happy here.', band: '4-7', promises: ['homes'], reply: PASSED_ON },
  { text: 'Sometimes I feel sad and I don’t know why.', band: '8-11', promises: ['feelings'] },
  { text: 'More time with my brothers.', band: '8-11', promises: ['siblings'] },
  {
    text: 'People at school asking why I don’t live with my mum.',
    band: '8-11',
    promises: ['school'],
    reply: {
      response: 'doing',
      text: 'The virtual school is reminding teachers to keep things about care private. You choose who at school knows, and you can tell your designated teacher if it happens.',
    },
  },
  { text: 'Being allowed to go to my friend’s house without waiting ages.', band: '8-11', promises: ['hobbies'] },
  {
    text: 'My social worker listens to me. That makes it better.',
    band: '8-11',
    promises: ['knowWorker'],
    reply: PASSED_ON,
  },
  { text: 'Not moving again.', band: '8-11', promises: ['homes'] },
  { text: 'I want to join a football team.', band: '8-11', promises: ['hobbies'] },
  { text: 'Knowing why I am in care. Nobody has explained it properly.', band: '8-11', promises: ['records'] },
  {
    text: 'I’d like to be asked before decisions are made, not told after.',
    band: '11-18',
    promises: ['reviews', 'youSaid'],
  },
  { text: 'Having the same social worker for more than a few months.', band: '11-18', promises: ['workers'] },
  { text: 'Help with revision.', band: '11-18', promises: ['school'] },
  { text: 'Someone to talk to who isn’t going to write it all down.', band: '11-18', promises: ['feelings'] },
  { text: 'Being treated like a normal teenager.', band: '11-18', promises: ['hobbies', 'secondChances'] },
  { text: 'Being able to have my phone in my room at night like my friends.', band: '11-18', promises: ['hobbies'] },
  { text: 'Knowing what happens when I turn 18. It worries me.', band: '11-18', promises: ['leavingHome', 'money'] },
  { text: 'More say in where I live.', band: '11-18', promises: ['homes', 'reviews'] },
  { text: 'Honestly things are ok right now.', band: '11-18', promises: [] },
  { text: 'Less meetings.', band: '11-18', promises: ['reviews'] },
  { text: 'A job. Any job to be honest.', band: 'care-leaver', promises: ['jobs'] },
  { text: 'Help with the deposit for a place of my own.', band: 'care-leaver', promises: ['leavingHome', 'money'] },
  { text: 'I feel lonely a lot since I moved out.', band: 'care-leaver', promises: ['trustedAdult', 'feelings'] },
  {
    text: 'My PA actually answers, which helps a lot.',
    band: 'care-leaver',
    promises: ['trustedAdult'],
    reply: PASSED_ON,
  },
  {
    text: 'Knowing what money I’m entitled to without having to fight for it.',
    band: 'care-leaver',
    promises: ['money'],
  },
  { text: 'Support with being a young parent.', band: 'care-leaver', promises: ['trustedAdult'] },
  { text: 'College fees and bus pass.', band: 'care-leaver', promises: ['jobs', 'money'] },
  { text: 'Being able to see my file without a fuss.', band: 'care-leaver', promises: ['records'] },
  { text: 'Someone checking in on me at Christmas.', band: 'care-leaver', promises: ['trustedAdult'] },
  { text: 'Getting help before things get bad, not after.', band: 'care-leaver', promises: ['feelings'] },
];
