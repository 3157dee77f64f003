/**
 * Everything a run produces, as text, for the secrets scan:
 * - output items: json, and binary data as stored (base64) and decoded;
 * - errors: message, description, context, every link of the cause chain, the JSON n8n would
 *   store (JSON.stringify, own properties too) and a deep inspect;
 * - the whole run data n8n keeps for the execution;
 * - every log line: n8n-workflow's LoggerProxy (what n8n-core's WorkflowExecute logs, at debug
 *   level) and the DI Logger of @n8n/backend-common, in every copy of the DI container present
 *   (n8n-core and the OAuth2 client bundle their own), console.* and process.stdout/stderr.
 * `scan` looks for each secret as written, base64-encoded and percent-encoded.
 */
import { createRequire } from 'node:module';
import { inspect } from 'node:util';

import { LoggerProxy } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';

import type { RunNodeResult } from '../helpers/engine';

export type Channel = 'output' | 'error' | 'run' | 'logger' | 'di-logger' | 'console' | 'stdout' | 'stderr';

export interface Line {
	channel: Channel;
	label: string;
	text: string;
}

export class Capture {
	readonly lines: Line[] = [];

	add(channel: Channel, label: string, text: string): void {
		this.lines.push({ channel, label, text });
	}

	count(channel: Channel): number {
		return this.lines.filter((line) => line.channel === channel).length;
	}
}

let current = new Capture();

/** Lines go to `capture` from now on; returns the one they went to before. */
export function captureInto(capture: Capture): Capture {
	const previous = current;
	current = capture;
	return previous;
}

function safeJson(value: unknown, keys?: string[]): string {
	try {
		return JSON.stringify(value, keys) ?? '';
	} catch (error) {
		return `[not JSON: ${(error as Error).message}]`;
	}
}

const deep = (value: unknown) => inspect(value, { depth: 16, showHidden: true, breakLength: Infinity, maxArrayLength: null, maxStringLength: null });

/** An error as n8n stores and shows it, and every error behind it. */
export function errorTexts(error: unknown): string[] {
	const texts: string[] = [];
	const seen = new Set<unknown>();
	let link: unknown = error;
	while (link && typeof link === 'object' && !seen.has(link)) {
		seen.add(link);
		const e = link as Error & { description?: unknown; context?: unknown; errorResponse?: unknown; messages?: unknown; toJSON?: () => unknown };
		texts.push(
			String(e.message ?? ''),
			String(e.description ?? ''),
			safeJson(e.context),
			safeJson(e.errorResponse),
			safeJson(e.messages),
			String(e.stack ?? ''),
			safeJson(e),
			safeJson(e, Object.getOwnPropertyNames(e)),
			typeof e.toJSON === 'function' ? safeJson(e.toJSON()) : '',
			deep(e),
		);
		link = e.cause;
	}
	if (link !== undefined && typeof link !== 'object') texts.push(String(link));
	return texts.filter(Boolean);
}

export function captureError(label: string, error: unknown): void {
	if (error) current.add('error', label, errorTexts(error).join('\n'));
}

export function captureValue(channel: Channel, label: string, value: unknown): void {
	current.add(channel, label, `${safeJson(value)}\n${deep(value)}`);
}

export function captureItems(label: string, items: INodeExecutionData[]): void {
	items.forEach((item, index) => {
		captureValue('output', `${label} item ${index} json`, item.json);
		for (const [key, binary] of Object.entries(item.binary ?? {})) {
			const decoded = binary.data ? Buffer.from(binary.data, 'base64').toString('latin1') : '';
			current.add('output', `${label} item ${index} binary ${key}`, `${safeJson(binary)}\n${decoded}`);
		}
		captureError(`${label} item ${index} error`, item.error);
	});
}

export function captureRun(label: string, result: RunNodeResult): void {
	captureItems(label, result.items);
	captureError(`${label} node error`, result.error);
	captureValue('run', `${label} run data`, result.run.data);
	for (const runs of Object.values(result.run.data.resultData.runData)) {
		for (const task of runs) captureError(`${label} task error`, task.error);
	}
	captureError(`${label} workflow error`, result.run.data.resultData.error);
}

type LogMethod = (message: string, metadata?: unknown) => void;
const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

function capturingLogger(channel: Channel): Record<string, unknown> {
	const logger: Record<string, unknown> = {};
	for (const level of LEVELS) {
		logger[level] = ((message, metadata) => current.add(channel, level, `${String(message)} ${safeJson(metadata)} ${deep(metadata)}`)) as LogMethod;
	}
	logger.scoped = () => logger;
	return logger;
}

/** Packages whose own copy of @n8n/di + @n8n/backend-common may hold a Logger. */
const DI_OWNERS = ['n8n-core', '@n8n/client-oauth2', '@n8n/backend-common'];

function diContainers(): Array<{ owner: string; Container: { has(t: unknown): boolean; get(t: unknown): unknown; set(t: unknown, v: unknown): void }; Logger: unknown }> {
	const found = new Map<unknown, { owner: string; Container: never; Logger: unknown }>();
	for (const owner of DI_OWNERS) {
		try {
			const from = createRequire(require.resolve(`${owner}/package.json`));
			const { Container } = from('@n8n/di') as { Container: never };
			const { Logger } = from('@n8n/backend-common') as { Logger: unknown };
			if (!found.has(Container)) found.set(Container, { owner, Container, Logger });
		} catch {
			// this package has no DI container of its own
		}
	}
	return [...found.values()];
}

export interface Installed {
	/** Which DI containers got the capturing Logger (by the package that owns them). */
	containers: string[];
	restore(): void;
}

/**
 * Routes every log channel into the current Capture (debug level included) until `restore`.
 * Console and the standard streams still reach the terminal, after being recorded.
 */
export function installCapture(): Installed {
	const containers = diContainers();
	for (const { Container, Logger } of containers) {
		const logger = capturingLogger('di-logger');
		if (Container.has(Logger)) {
			// Code that kept the instance keeps logging through it: capture there too.
			Object.assign(Container.get(Logger) as object, logger);
		}
		Container.set(Logger, logger);
	}
	// Last: constructing n8n's root Logger (Container.get above) points LoggerProxy at it.
	LoggerProxy.init(capturingLogger('logger') as never);
	const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const).map((method) =>
		jest.spyOn(console, method).mockImplementation((...args: unknown[]) => current.add('console', method, args.map((a) => (typeof a === 'string' ? a : deep(a))).join(' '))),
	);
	const streams = (['stdout', 'stderr'] as const).map((name) => {
		const stream = process[name];
		const write = stream.write;
		stream.write = function (chunk: unknown, ...rest: unknown[]) {
			current.add(name, 'write', Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
			return (write as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
		} as typeof stream.write;
		return () => (stream.write = write);
	});
	return {
		containers: containers.map((c) => c.owner),
		restore() {
			for (const spy of spies) spy.mockRestore();
			for (const restoreStream of streams) restoreStream();
			LoggerProxy.init({ error() {}, warn() {}, info() {}, debug() {} } as never);
		},
	};
}

/** The forms a secret could take on the way out: as is, base64 (Basic auth, binary data), percent-encoded. */
export function forms(secret: string): string[] {
	const base64 = Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, '');
	return [...new Set([secret, base64, encodeURIComponent(secret)])];
}

export interface Finding {
	secret: string;
	form: string;
	channel: Channel;
	label: string;
	excerpt: string;
}

export function scan(lines: Line[], secrets: string[]): Finding[] {
	const findings: Finding[] = [];
	for (const secret of new Set(secrets.filter(Boolean))) {
		for (const form of forms(secret)) {
			for (const line of lines) {
				const at = line.text.indexOf(form);
				if (at >= 0) findings.push({ secret, form, channel: line.channel, label: line.label, excerpt: line.text.slice(Math.max(0, at - 80), at + form.length + 40) });
			}
		}
	}
	return findings;
}
