/**
 * Connects the imported Stamps.com OAuth2 credential the way the editor's "Connect my account"
 * does: /rest/oauth2-credential/auth → the SERA mock's /authorize (a browser following its
 * redirect) → n8n's callback, which exchanges the code at the mock's token endpoint.
 * For runs that need a connected credential (dropdowns, agent tools); e2e/stampscom.e2e.ts
 * asserts each step of this flow itself.
 */
import { STAMPS_CREDENTIAL } from './credentials';
import type { N8nSession } from './rest';

export async function connectStampsCredential(session: N8nSession): Promise<void> {
	const auth = await session.data<string>('GET', `/rest/oauth2-credential/auth?id=${STAMPS_CREDENTIAL.id}`);
	const consent = await fetch(auth, { redirect: 'manual' });
	const callback = consent.headers.get('location') ?? '';
	if (consent.status !== 302 || !callback.includes('/rest/oauth2-credential/callback?code=')) {
		throw new Error(`the SERA mock's consent answered HTTP ${consent.status} (location: ${callback})`);
	}
	const landed = await session.request('GET', callback.slice(callback.indexOf('/rest/')));
	if (landed.status !== 200 || /error/i.test(landed.text)) {
		throw new Error(`n8n's OAuth2 callback answered HTTP ${landed.status}: ${landed.text.slice(0, 500)}`);
	}
}
