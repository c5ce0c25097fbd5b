#!/usr/bin/env bash
# Proves the README's production install works: a fresh clone of the current commit, installed
# with `npm ci && npm run build && npm prune --omit=dev`, migrates a new database, starts with
# NODE_ENV=production, gets its first admin from `npm run user -- add`, answers /health, serves
# the built app, lets that admin sign in over HTTP, takes a backup while running, stops cleanly
# and restores the backup. Uncommitted changes are not part of the check.
#   bash scripts/check-production-install.sh      (CI runs it as one test: see .ci/run)
# Prints the pruned install's package count and size, then "production install: ok", or exits 1.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$root" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pt-production-XXXXXX")"
server=''

cleanup() {
  # The server runs in its own process group (setsid): stop npm and node together.
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill -TERM -- "-$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "production install: FAILED: $1" >&2
  [ -f "$work/server.log" ] && sed 's/^/  server: /' "$work/server.log" >&2
  exit 1
}

echo "Checking a production install of $commit in $work"
git clone --quiet --no-checkout "$root" "$work/app"
git -C "$work/app" checkout --quiet --detach "$commit"
cd "$work/app"

npm ci --no-audit --no-fund --loglevel=error
npm run build --silent
npm prune --omit=dev --no-audit --no-fund --loglevel=error

for tool in tsx esbuild sass vitest; do
  [ ! -e "node_modules/$tool" ] || fail "node_modules/$tool is still installed after npm prune --omit=dev"
done
# npm's record of what is installed now, after the prune.
packages="$(node -p 'Object.keys(require("./node_modules/.package-lock.json").packages).filter((p) => p.includes("node_modules/")).length')"
echo "Pruned install: $packages packages, $(du -sh node_modules | cut -f1) in node_modules"

port="$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });')"
export NODE_ENV=production SEED_DEMO=false HOST=127.0.0.1 PORT="$port" DATABASE_PATH="$work/data/promise-tracker.db"
export PT_PASSWORD="prod-check-$(node -e 'console.log(require("node:crypto").randomBytes(12).toString("base64url"))')"
email='first.admin@council.example'

npm run db:migrate --silent || fail 'npm run db:migrate failed on a new database'

setsid npm start >"$work/server.log" 2>&1 &
server=$!

# The operator makes the first admin while the server runs, as the README says.
npm run user --silent -- add "$email" admin "First Admin" || fail 'npm run user -- add did not make the admin'
# Today's reminders, as cron would ask for them, without sending.
npm run reminders --silent -- --dry-run >/dev/null || fail 'npm run reminders -- --dry-run failed'

node --input-type=module - "http://127.0.0.1:$port" "$email" <<'EOF' || fail 'the running install did not answer as it should'
const [base, email] = process.argv.slice(2);
const check = (ok, what) => {
  if (!ok) throw new Error(what);
};

let health;
for (let i = 0; i < 100 && !health; i++) {
  health = await fetch(`${base}/health`).catch(() => undefined);
  if (!health) await new Promise((r) => setTimeout(r, 200));
}
check(health?.status === 200, `GET /health: ${health?.status ?? 'no answer in 20 s'}`);
check((await health.json()).status === 'ok', 'GET /health did not say ok');

const page = await fetch(`${base}/`);
const html = await page.text();
check(page.status === 200 && /<script[^>]+src="\/assets\/app-/.test(html), `GET / is not the built app: ${page.status}`);

const signIn = await fetch(`${base}/api/v1/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password: process.env.PT_PASSWORD }),
});
check(signIn.status === 200, `sign-in: ${signIn.status} ${await signIn.clone().text()}`);
const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
check(!!cookie, 'sign-in set no session cookie');

const me = await fetch(`${base}/api/v1/session`, { headers: { cookie } });
const session = await me.json();
check(me.status === 200 && session.user?.email === email && session.user?.role === 'admin', `GET /api/v1/session: ${me.status}`);

const wrong = await fetch(`${base}/api/v1/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password: 'not-the-password-at-all' }),
});
check(wrong.status === 401, `a wrong password was answered ${wrong.status}, not 401`);
EOF

npm run db:backup --silent -- "$work/backup.db" || fail 'npm run db:backup failed while the server ran'

# Stop the server as systemd would: SIGTERM to node (its pid file is beside the database).
kill -TERM "$(cat "$DATABASE_PATH.pid")" || fail 'the server wrote no pid file'
code=0
wait "$server" || code=$?
server=''
[ "$code" -eq 0 ] || fail "the server did not stop cleanly on SIGTERM (exit $code)"
npm run db:restore --silent -- "$work/backup.db" || fail 'npm run db:restore failed with the server stopped'
echo 'production install: ok'
