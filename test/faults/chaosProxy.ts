/**
 * A fault-injecting HTTP proxy in front of a mock API, for purchases: each purchase attempt is
 * decided from a hash of (purchase key, attempt number), so the run is reproducible whatever
 * order the engine sends its concurrent requests in. A fault is either injected BEFORE the
 * request reaches the API (nothing bought) or AFTER the API answered (bought, but the client
 * sees a 500 or a dropped connection): the case that buys twice when a client simply repeats.
 */
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'reset-before' | '503-before' | '500-after' | 'reset-after';
const KINDS: FaultKind[] = ['reset-before', '503-before', '500-after', 'reset-after'];

export interface ChaosOptions {
	/** The mock API's origin, e.g. http://127.0.0.1:1234 */
	target: string;
	/** Which requests are purchases (method + path). */
	isPurchase: (method: string, path: string) => boolean;
	/** The purchase's identity: the same for every attempt of one item. */
	keyOf: (headers: IncomingMessage['headers'], body: unknown, path: string) => string;
	/** Probability of a fault on attempts before `cleanFrom`. */
	faultRate: number;
	/** From this attempt on (1-based) nothing is injected, so every item completes eventually. */
	cleanFrom: number;
	seed: string;
}

export interface ChaosStats {
	/** Purchase attempts seen, injected faults by kind, per-key attempts. */
	attempts: number;
	faults: Record<FaultKind, number>;
	/** POSTs forwarded to the API for a key the API had already answered 2xx to. */
	repeatsAfterSuccess: number;
	perKey: Map<string, number>;
}

export interface ChaosProxy {
	url: string;
	stats: ChaosStats;
	close(): Promise<void>;
}

function decide(seed: string, key: string, attempt: number, rate: number): FaultKind | undefined {
	const h = createHash('sha256').update(`${seed}:${key}:${attempt}`).digest();
	if (h.readUInt32BE(0) / 0xffffffff >= rate) return undefined;
	return KINDS[h[4] % KINDS.length];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export async function startChaosProxy(options: ChaosOptions): Promise<ChaosProxy> {
	const target = new URL(options.target);
	const stats: ChaosStats = {
		attempts: 0,
		faults: { 'reset-before': 0, '503-before': 0, '500-after': 0, 'reset-after': 0 },
		repeatsAfterSuccess: 0,
		perKey: new Map(),
	};
	const succeeded = new Set<string>();

	const forward = (req: IncomingMessage, body: Buffer) =>
		new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
			const upstream = httpRequest(
				{ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
				async (res) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: await readBody(res) }),
			);
			upstream.on('error', reject);
			upstream.end(body);
		});

	const server = createServer(async (req, res) => {
		try {
			const body = await readBody(req);
			const path = new URL(req.url ?? '/', 'http://x').pathname;
			let kind: FaultKind | undefined;
			let key = '';
			if (options.isPurchase(req.method ?? 'GET', path)) {
				let parsed: unknown;
				try {
					parsed = JSON.parse(body.toString('utf8'));
				} catch {
					parsed = undefined;
				}
				key = options.keyOf(req.headers, parsed, path);
				const attempt = (stats.perKey.get(key) ?? 0) + 1;
				stats.perKey.set(key, attempt);
				stats.attempts += 1;
				kind = attempt < options.cleanFrom ? decide(options.seed, key, attempt, options.faultRate) : undefined;
				if (kind) stats.faults[kind] += 1;
			}
			if (kind === 'reset-before') return void req.socket.destroy();
			if (kind === '503-before') {
				res.writeHead(503, { 'Content-Type': 'application/json' });
				return void res.end(JSON.stringify({ errors: [{ error_code: 'unspecified', message: 'Injected 503 before the purchase' }] }));
			}
			if (key && succeeded.has(key)) stats.repeatsAfterSuccess += 1;
			const answer = await forward(req, body);
			if (key && answer.status < 300) succeeded.add(key);
			if (kind === 'reset-after') return void req.socket.destroy();
			if (kind === '500-after') {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				return void res.end(JSON.stringify({ errors: [{ error_code: 'unspecified', message: 'Injected 500 after the purchase' }] }));
			}
			const headers = { ...answer.headers };
			delete headers['transfer-encoding'];
			headers['content-length'] = String(answer.body.length);
			res.writeHead(answer.status, headers);
			res.end(answer.body);
		} catch {
			req.socket.destroy();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		stats,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
