// When the pack cannot be printed (here: no Chromium where the server looks for it), the PDF
// route says so plainly as problem+json, and the pack itself stays readable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';

describe('a board pack PDF when the browser cannot start', () => {
  let t: TestApp;
  const before = process.env.CHROMIUM_PATH;
  beforeAll(async () => {
    // Read by the worker thread when it starts, which is on this file's first PDF.
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    t = await makeTestApp();
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = before;
    await t.close();
  });

  it('answers 503 problem+json in plain words, not a 500', async () => {
    const board = await t.as('board');
    const meeting = await board.post('/api/v1/board/meetings', {
      meetingDate: '2026-06-10',
      title: 'June board',
      attendance: [{ role: 'councillor', count: 4 }],
    });
    const pack = await board.post(`/api/v1/board/meetings/${meeting.json().id}/packs`, { kind: 'board' });
    expect(pack.statusCode).toBe(201);
    const res = await board.get(`/api/v1/board/packs/${pack.json().id}/pdf`);
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 503, title: 'The PDF cannot be made right now' });
    expect(res.json().detail).toContain('print it from your browser');
    // The pack is still there to read and print.
    expect((await board.get(`/api/v1/board/packs/${pack.json().id}`)).statusCode).toBe(200);
  });
});
