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

	async setupOwner(): Promise<void> {
		const { status, text } = await this.request('POST', '/rest/owner/setup', OWNER);
		if (status !== 200) throw new Error(`owner setup failed (HTTP ${status}): ${text.slice(0, 500)}`);
	}
}
