/**
 * The small HTTP core every mock API shares: listens on 127.0.0.1 only, records each request,
 * plays scripted faults first (status, delay, dropped socket, raw body), then lets the API's
 * own guards (auth, rate limit, idempotency) and routes answer.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
	at: number;
}

export interface ScriptedReply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	delayMs?: number;
	destroySocket?: boolean;
	raw?: string;
}

export interface MockServer {
	url: string;
	requests: RecordedRequest[];
	/** queue a scripted response for the next request matching method+path regex */
	script(method: string, path: RegExp, reply: ScriptedReply, times?: number): void;
	reset(): void;
	close(): Promise<void>;
}

/** What a route or guard answers. `raw` (string or bytes) is sent as is instead of JSON. */
export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	raw?: string | Buffer;
}

export type RouteHandler = (req: RecordedRequest, params: string[]) => Reply | Promise<Reply>;

export interface Route {
	method: string;
	/** Matched against the whole path (without query); capture groups become `params`. */
	path: RegExp;
	handle: RouteHandler;
}

export interface MockServerSetup {
	port?: number;
	/** Runs before routing; returning a reply short-circuits (401, 429, idempotency replay...). */
	guard?: (req: RecordedRequest, route: Route | undefined) => Reply | undefined;
	/** Called with every reply a route produced (after the guard let the request through). */
	afterReply?: (req: RecordedRequest, reply: Reply) => void;
	routes: () => Route[];
	notFound: (req: RecordedRequest) => Reply;
	/** Clears the API's own state (called by reset()). */
	resetState: () => void;
}

interface ScriptEntry {
	method: string;
	path: RegExp;
	reply: ScriptedReply;
	remaining: number;
}

export const route = (method: string, path: RegExp, handle: RouteHandler): Route => ({ method, path, handle });

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
	status,
	body,
	headers,
});

export const noContent = (): Reply => ({ status: 204 });

export const requestId = (): string => randomUUID();

function parseBody(raw: string, contentType: string): unknown {
	if (!raw) return undefined;
	if (contentType.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(raw));
	}
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const rawBody = Buffer.concat(chunks).toString('utf8');
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return {
		method: (req.method ?? 'GET').toUpperCase(),
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers,
		body: parseBody(rawBody, headers['content-type'] ?? ''),
		rawBody,
		at: Date.now(),
	};
}

function send(res: ServerResponse, reply: Reply): void {
	const headers: Record<string, string> = { ...(reply.headers ?? {}) };
	let payload: string | Buffer | undefined;
	if (reply.raw !== undefined) {
		payload = reply.raw;
	} else if (reply.body !== undefined && reply.status !== 204) {
		payload = JSON.stringify(reply.body);
		if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
			headers['Content-Type'] = 'application/json; charset=utf-8';
		}
	}
	if (payload !== undefined) headers['Content-Length'] = String(Buffer.byteLength(payload));
	res.writeHead(reply.status, headers);
	res.end(payload);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startMockServer(setup: MockServerSetup): Promise<MockServer> {
	const requests: RecordedRequest[] = [];
	let scripts: ScriptEntry[] = [];
	let routes = setup.routes();

	const takeScript = (req: RecordedRequest): ScriptedReply | undefined => {
		const entry = scripts.find(
			(candidate) =>
				(candidate.method === '*' || candidate.method === req.method) && candidate.path.test(req.path),
		);
		if (!entry) return undefined;
		entry.remaining -= 1;
		if (entry.remaining <= 0) scripts = scripts.filter((candidate) => candidate !== entry);
		return entry.reply;
	};

	const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
		const recorded = await record(req);
		requests.push(recorded);

		const scripted = takeScript(recorded);
		if (scripted) {
			if (scripted.delayMs) await sleep(scripted.delayMs);
			if (scripted.destroySocket) {
				req.socket.destroy();
				return;
			}
			send(res, scripted);
			return;
		}

		let params: string[] = [];
		const matched = routes.find((candidate) => {
			if (candidate.method !== recorded.method) return false;
			const match = candidate.path.exec(recorded.path);
			if (match) params = match.slice(1).map((value) => decodeURIComponent(value ?? ''));
			return match !== null;
		});
		const guarded = setup.guard?.(recorded, matched);
		if (guarded) {
			send(res, guarded);
			return;
		}
		const reply = matched ? await matched.handle(recorded, params) : setup.notFound(recorded);
		setup.afterReply?.(recorded, reply);
		send(res, reply);
	};

	const server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			if (!res.headersSent) send(res, json(500, { message: `mock failure: ${error.message}` }));
			else res.destroy();
		});
	});
	server.keepAliveTimeout = 1000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(setup.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		script(method, path, reply, times = 1) {
			scripts.push({ method: method.toUpperCase(), path, reply, remaining: Math.max(1, times) });
		},
		reset() {
			requests.length = 0;
			scripts = [];
			setup.resetState();
			routes = setup.routes();
		},
		async close() {
			server.closeAllConnections();
			await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
		},
	};
}

/** Page slicing shared by the paged list endpoints. */
export function paginate<T>(items: T[], page: number, pageSize: number): { slice: T[]; pages: number } {
	const pages = items.length === 0 ? 0 : Math.ceil(items.length / pageSize);
	return { slice: items.slice((page - 1) * pageSize, page * pageSize), pages };
}

export const isUuidV4 = (value: string): boolean =>
	/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(value);
