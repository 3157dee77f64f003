/**
 * A browser-like session against a running `n8n start`: sets up the owner account (as the
 * first visit to a new instance does) and calls the editor's REST API with its auth cookie.
 * Used where a step needs the UI, such as the OAuth2 "Connect my account" button.
 */
import { randomUUID } from 'node:crypto';

export const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2e-owner-Passw0rd',
};

export class N8nSession {
	private cookie = '';

	private readonly browserId = randomUUID();

	constructor(readonly baseUrl: string) {}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		return { 'browser-id': this.browserId, ...(this.cookie ? { cookie: this.cookie } : {}), ...extra };
	}

	async request(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; text: string }> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: this.headers(body === undefined ? {} : { 'content-type': 'application/json' }),
			body: body === undefined ? undefined : JSON.stringify(body),
			redirect: 'manual',
		});
		const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	}

	/** Signs in as the owner, setting the account up first on a new instance (test files run in any order). */
	async signIn(): Promise<void> {
		const setup = await this.request('POST', '/rest/owner/setup', OWNER);
		if (setup.status === 200) return;
		const { status, text } = await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
		if (status !== 200) {
			throw new Error(`sign-in failed (HTTP ${status}): ${text.slice(0, 500)}; owner setup said: ${setup.text.slice(0, 300)}`);
		}
	}

	/** `request` that must answer 200; returns the response's `data`. */
	async data<T>(method: string, path: string, body?: unknown): Promise<T> {
		const { status, json, text } = await this.request(method, path, body);
		if (status !== 200) throw new Error(`${method} ${path} answered HTTP ${status}: ${text.slice(0, 1500)}`);
		return (json as { data: T }).data;
	}
}

/**
 * Decodes the `flatted` text n8n's REST API returns for an execution's `data`: a JSON array whose
 * first entry is the root; inside objects and arrays every string is the index of another entry.
 */
export function unflatten(text: string): unknown {
	const entries = JSON.parse(text) as unknown[];
	const done = new Map<number, unknown>();
	const resolve = (index: number): unknown => {
		if (done.has(index)) return done.get(index);
		const raw = entries[index];
		if (raw === null || typeof raw !== 'object') return raw;
		const out: Record<string, unknown> | unknown[] = Array.isArray(raw) ? [] : {};
		done.set(index, out);
		for (const [key, value] of Object.entries(raw)) {
			(out as Record<string, unknown>)[key] = typeof value === 'string' ? resolve(Number(value)) : value;
		}
		return out;
	};
	return resolve(0);
}
