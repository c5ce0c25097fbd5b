// The cases the issue asks for, and the targets each is read against. A case whose route is not
// in the API yet is reported as "not built yet" rather than silently left out.

export type Method = 'GET' | 'POST' | 'PATCH';

/** What a case needs from the dataset to build its requests. */
export type Fixtures = {
  promiseIds: number[];
  publicPromiseIds: number[];
  today: string;
};

export type HttpCase = {
  id: string;
  label: string;
  method: Method;
  /** The route as the OpenAPI document names it, to tell whether it is built yet. */
  route: string;
  signedIn: boolean;
  paths: (f: Fixtures) => string[];
  body?: (f: Fixtures) => unknown;
  /** A versioned PATCH: the runner reads current versions before each run. */
  versioned?: 'commitments';
  target: { share: number; p99: number };
};

/**
 * Headers every request carries, as the web app's fetch sends them from a browser: the app asks
 * for JSON, and every browser offers gzip, deflate and br, so the server may answer compressed.
 * The ceiling's requests carry them too.
 */
export const BROWSER_HEADERS: Readonly<Record<string, string>> = {
  accept: 'application/json',
  'accept-encoding': 'gzip, deflate, br',
};

const API = '/api/v1';
const READ_FAST = { share: 0.2, p99: 10 };
const READ_LIST = { share: 0.1, p99: 20 };
const WRITE = { share: 0.05, p99: 25 };

export const HTTP_CASES: HttpCase[] = [
  {
    id: 'board-summary',
    label: 'Board summary',
    method: 'GET',
    route: '/api/v1/board/summary',
    signedIn: true,
    paths: () => [`${API}/board/summary`],
    target: READ_FAST,
  },
  {
    id: 'promise-card',
    label: 'Promise card',
    method: 'GET',
    route: '/api/v1/promises/{id}/card',
    signedIn: true,
    paths: (f) => f.promiseIds.map((id) => `${API}/promises/${id}/card`),
    target: READ_FAST,
  },
  {
    id: 'promise-list',
    label: 'Promise list',
    method: 'GET',
    route: '/api/v1/promises',
    signedIn: true,
    paths: () => [`${API}/promises`],
    target: READ_LIST,
  },
  {
    id: 'feedback-waiting',
    label: 'Feedback waiting list (first page)',
    method: 'GET',
    route: '/api/v1/feedback/waiting',
    signedIn: true,
    paths: () => [`${API}/feedback/waiting`],
    target: READ_LIST,
  },
  {
    id: 'kiosk-summary',
    label: 'Kiosk summary (public)',
    method: 'GET',
    route: '/api/v1/public/summary',
    signedIn: false,
    paths: () => [`${API}/public/summary`],
    target: READ_FAST,
  },
  {
    id: 'kiosk-promise',
    label: 'Kiosk promise (public)',
    method: 'GET',
    route: '/api/v1/public/promises/{id}',
    signedIn: false,
    paths: (f) => f.publicPromiseIds.map((id) => `${API}/public/promises/${id}`),
    // The issue names the kiosk summary; a kiosk promise is read against the list target.
    target: READ_LIST,
  },
  {
    id: 'log-feedback',
    label: 'Log one feedback item (write + audit)',
    method: 'POST',
    route: '/api/v1/feedback',
    signedIn: true,
    paths: () => [`${API}/feedback`],
    body: (f) => ({
      text: 'We want to choose what goes on the menu at the forum',
      source: 'forum',
      forumId: 'cicc',
      heardOn: f.today,
      ageBand: '8-11',
      promiseIds: f.promiseIds.slice(0, 1),
    }),
    target: WRITE,
  },
  {
    id: 'update-commitment',
    label: 'Update a commitment (versioned write)',
    method: 'PATCH',
    route: '/api/v1/commitments/{id}',
    signedIn: true,
    paths: () => [],
    versioned: 'commitments',
    target: WRITE,
  },
];

/** Any case at 100 connections: no errors or timeouts, p99 at most this. */
export const HIGH_LOAD_P99 = 250;
export const CSV_RATIO_TARGET = 3;
export const RSS_TARGET_MB = 250;
/** The large council's board pack PDF, at most. */
export const PDF_TARGET_MB = 2;
export const STAFF_JS_TARGET_KB = 120;
export const KIOSK_JS_TARGET_KB = 60;
