import { describe, expect, it } from 'vitest';
import type { MutationTestResult } from 'mutation-testing-report-schema/api';
import { openEventStream } from '../../../src/core/dashboard/http';
import { LiveReport, parseMutantTested } from '../../../src/core/dashboard/live';
import type { SseEvent } from '../../../src/core/dashboard/sse';
import { readEvents } from '../../../src/core/dashboard/stream';
import { DashboardServer } from '../../support/dashboardServer';

function pendingReport(): MutationTestResult {
  const mutant = (id: string, line: number) => ({ id, mutatorName: 'EqualityOperator', replacement: 'a > b', status: 'Pending' as const, location: { start: { line, column: 1 }, end: { line, column: 6 } } });
  return {
    schemaVersion: '1.0',
    thresholds: { high: 80, low: 60 },
    files: { 'src/a.ts': { language: 'typescript', source: 'a >= b\na >= b\n', mutants: [mutant('1', 1), mutant('2', 2)] } },
  };
}

describe('parseMutantTested', () => {
  it('takes the id, the status and the optional fields of the right types', () => {
    expect(parseMutantTested('{"id":"1","status":"Survived"}')).toEqual({ ok: true, value: { id: '1', status: 'Survived' } });
    expect(parseMutantTested('{"id":"1","status":"Killed","statusReason":"x","killedBy":["t1"],"coveredBy":["t1","t2"],"testsCompleted":2,"extra":1}')).toEqual({
      ok: true,
      value: { id: '1', status: 'Killed', statusReason: 'x', killedBy: ['t1'], coveredBy: ['t1', 't2'], testsCompleted: 2 },
    });
    expect(parseMutantTested('{"id":"1","status":"Killed","statusReason":5,"killedBy":[1],"coveredBy":"t","testsCompleted":"2"}')).toEqual({ ok: true, value: { id: '1', status: 'Killed' } });
  });

  it('refuses what is not a tested mutant', () => {
    expect(parseMutantTested('{')).toEqual({ ok: false, error: 'is not JSON' });
    expect(parseMutantTested('[]')).toEqual({ ok: false, error: 'is not an object' });
    expect(parseMutantTested('null')).toEqual({ ok: false, error: 'is not an object' });
    expect(parseMutantTested('{"id":1,"status":"Killed"}')).toEqual({ ok: false, error: 'has no string id' });
    expect(parseMutantTested('{"id":"1","status":"Dead"}')).toEqual({ ok: false, error: 'has an unknown status "Dead"' });
    expect(parseMutantTested('{"id":"1"}')).toEqual({ ok: false, error: 'has an unknown status undefined' });
  });
});

describe('LiveReport', () => {
  it('applies each result to its mutant by id and names the file it changed', () => {
    const live = new LiveReport(pendingReport());
    expect(live.apply({ id: '2', status: 'Survived', coveredBy: ['t'], testsCompleted: 1, statusReason: 'why', killedBy: [] })).toBe('src/a.ts');
    expect(live.apply({ id: '9', status: 'Killed' })).toBeUndefined();
    expect(live.report.files['src/a.ts']?.mutants.map((m) => [m.id, m.status, m.coveredBy, m.testsCompleted, m.statusReason, m.killedBy])).toEqual([
      ['1', 'Pending', undefined, undefined, undefined, undefined],
      ['2', 'Survived', ['t'], 1, 'why', []],
    ]);
  });
});

describe('the real-time stream of a Dashboard on 127.0.0.1', () => {
  it('replays what was tested, then each result as it comes, then finished', async () => {
    const server = new DashboardServer();
    const base = await server.start();
    const id = { project: 'github.com/acme/shop', version: 'feat/x' };
    try {
      const url = `${base}/api/real-time/github.com/acme/shop/feat/x`;
      expect(await openEventStream(url, { fetch, timeoutMs: 5000 })).toEqual({ ok: false, error: { kind: 'http', status: 404, message: 'has no such report (HTTP 404)' } });
      server.startRun(id, pendingReport());
      server.mutantTested(id, { id: '1', status: 'Killed' });
      const stop = new AbortController();
      const stream = await openEventStream(url, { fetch, timeoutMs: 5000, signal: stop.signal });
      if (!stream.ok || stream.value.body === null) throw new Error('no stream');
      const events: SseEvent[] = [];
      const ended = readEvents(stream.value.body, (event) => {
        events.push(event);
        if (event.event === 'mutant-tested' && events.length === 1) server.mutantTested(id, { id: '2', status: 'Survived' });
        if (events.length === 2) server.finishRun(id, pendingReport());
        if (event.event === 'finished') stop.abort();
      }, stop.signal);
      expect(await ended).toBe('stopped');
      expect(events).toEqual([
        { event: 'mutant-tested', data: '{"id":"1","status":"Killed"}' },
        { event: 'mutant-tested', data: '{"id":"2","status":"Survived"}' },
        { event: 'finished', data: '{}' },
      ]);
    } finally {
      await server.stop();
    }
  });

  it('waits for the head of a stream (sent with the first event) until cancelled, or for timeoutMs when given', async () => {
    const server = new DashboardServer();
    const base = await server.start();
    const id = { project: 'github.com/acme/shop', version: 'main' };
    try {
      server.startRun(id, pendingReport());
      const url = `${base}/api/real-time/github.com/acme/shop/main`;
      expect(await openEventStream(url, { fetch, timeoutMs: 150 })).toEqual({ ok: false, error: { kind: 'timeout', message: 'did not answer within 0.15 s' } });
      const stop = new AbortController();
      const waiting = openEventStream(url, { fetch, signal: stop.signal });
      setTimeout(() => stop.abort(), 150);
      expect(await waiting).toEqual({ ok: false, error: { kind: 'cancelled', message: 'was cancelled' } });
    } finally {
      await server.stop();
    }
  });

  it('refuses a stream that is not text/event-stream, and a redirect elsewhere', async () => {
    const server = new DashboardServer();
    const base = await server.start();
    try {
      server.override = (request, response) => {
        if (request.url === '/json') response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        else response.writeHead(302, { location: 'http://localhost:1/x' }).end();
        return true;
      };
      expect(await openEventStream(`${base}/json`, { fetch, timeoutMs: 5000 })).toEqual({ ok: false, error: { kind: 'http', status: 200, message: 'answered with "application/json", not text/event-stream' } });
      expect(await openEventStream(`${base}/other`, { fetch, timeoutMs: 5000 })).toEqual({ ok: false, error: { kind: 'http', status: 302, message: 'redirected to another host (http://localhost:1); not followed' } });
    } finally {
      await server.stop();
    }
  });
});
