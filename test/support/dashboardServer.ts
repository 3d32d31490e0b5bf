// A Stryker Dashboard on 127.0.0.1 for the tests (unit and integration): the two read routes of
// the Dashboard's own controllers (github.com/stryker-mutator/stryker-dashboard,
// packages/website-backend/src/controllers/reports.controller.ts and real-time-reports.controller.ts),
// with the slug split as packages/common/src/slug.ts does (three segments of project, the rest is the
// version), NestJS's 404 body, Express's weak ETag and 304 on If-None-Match, and the SSE framing of
// packages/website-backend/src/services/real-time/MutationEventSender.ts. Never a mock of fetch.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReportId {
  readonly project: string;
  readonly version: string;
  readonly module?: string;
}

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly ifNoneMatch: string | undefined;
}

type Override = (request: IncomingMessage, response: ServerResponse) => boolean;

function key(id: ReportId): string {
  return JSON.stringify([id.project, id.version, id.module ?? '']);
}

export class DashboardServer {
  private readonly server: Server = createServer((request, response) => this.handle(request, response));
  private readonly reports = new Map<string, string>();
  private readonly realTime = new Map<string, { report: string; tested: string[]; streams: Set<ServerResponse> }>();
  /** Every request seen, in order. */
  readonly requests: SeenRequest[] = [];
  /** Runs before the routes; returning true means it answered. */
  override: Override | undefined;

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.url();
  }

  url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  setReport(id: ReportId, report: unknown): void {
    this.reports.set(key(id), typeof report === 'string' ? report : JSON.stringify(report));
  }

  deleteReport(id: ReportId): void {
    this.reports.delete(key(id));
  }

  /** A CI run starts: its pending report is served with `realTime=true` and its event stream opens. */
  startRun(id: ReportId, pending: unknown): void {
    this.realTime.set(key(id), { report: JSON.stringify(pending), tested: [], streams: new Set() });
  }

  /** One `mutant-tested` event to every listener (and to later ones, as the Dashboard replays them). */
  mutantTested(id: ReportId, mutant: unknown): void {
    const run = this.realTime.get(key(id));
    if (run === undefined) throw new Error('no run');
    const frame = `event: mutant-tested\ndata: ${JSON.stringify(mutant)}\n\n`;
    run.tested.push(frame);
    for (const stream of run.streams) stream.write(frame);
  }

  /** The run ends: `finished` is sent, the final report replaces the real-time one. */
  finishRun(id: ReportId, final: unknown): void {
    const run = this.realTime.get(key(id));
    this.realTime.delete(key(id));
    this.setReport(id, final);
    for (const stream of run?.streams ?? []) stream.write('event: finished\ndata: {}\n\n');
  }

  /** How many event streams are open for a run. */
  listeners(id: ReportId): number {
    return this.realTime.get(key(id))?.streams.size ?? 0;
  }

  async stop(): Promise<void> {
    for (const run of this.realTime.values()) for (const stream of run.streams) stream.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const header = request.headers['if-none-match'];
    this.requests.push({ method: request.method ?? '', url: request.url ?? '', ifNoneMatch: typeof header === 'string' ? header : undefined });
    if (this.override?.(request, response) === true) return;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const route = /^\/api\/(reports|real-time)\/(.*)$/.exec(url.pathname);
    if (request.method !== 'GET' || route === null) return this.json(response, 404, { statusCode: 404, message: `Cannot ${request.method ?? ''} ${url.pathname}`, error: 'Not Found' });
    const parts = (route[2] ?? '').split('/').map(decodeURIComponent).join('/').replace(/^\/+|\/+$/g, '').split('/');
    if (parts.length < 4) return this.json(response, 404, { statusCode: 404, message: `Report "${route[2] ?? ''}" does not exist`, error: 'Not Found' });
    const id: ReportId = { project: parts.slice(0, 3).join('/'), version: parts.slice(3).join('/'), module: url.searchParams.get('module') ?? undefined };
    if (route[1] === 'reports') this.report(request, response, id, url.searchParams.get('realTime') === 'true');
    else this.events(response, id);
  }

  private report(request: IncomingMessage, response: ServerResponse, id: ReportId, realTime: boolean): void {
    const body = (realTime ? this.realTime.get(key(id))?.report : undefined) ?? this.reports.get(key(id));
    if (body === undefined) return this.notFound(response, id);
    const etag = `W/"${Buffer.byteLength(body).toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), etag });
    response.end(body);
  }

  private events(response: ServerResponse, id: ReportId): void {
    const run = this.realTime.get(key(id));
    if (run === undefined) return this.notFound(response, id);
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'Access-Control-Allow-Origin': '*' });
    run.streams.add(response);
    response.on('close', () => run.streams.delete(response));
    for (const frame of run.tested) response.write(frame);
  }

  private notFound(response: ServerResponse, id: ReportId): void {
    this.json(response, 404, { statusCode: 404, message: `Version "${id.version}" does not exist for "${id.project}".`, error: 'Not Found' });
  }

  private json(response: ServerResponse, status: number, value: unknown): void {
    const body = JSON.stringify(value);
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  }
}
