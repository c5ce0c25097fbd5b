import { describe, expect, it } from 'vitest';
import { startFlags } from '../../bench/run.js';

describe('startFlags', () => {
  it('reads the node flags npm start gives the server, so the bench runs the same server', () => {
    expect(startFlags()).toEqual(['--max-semi-space-size=8', '--expose-gc', '--enable-source-maps']);
    const pkg = (start: string) => JSON.stringify({ scripts: { start } });
    expect(startFlags(pkg('node dist/server.js'))).toEqual([]);
    expect(() => startFlags(pkg('tsx server/server.ts'))).toThrow(/does not run node/);
  });
});
