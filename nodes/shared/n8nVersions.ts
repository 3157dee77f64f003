/**
 * Where n8n 1.x and 2.x behave differently for this package, in one place. Supported and tested:
 * the versions README "Compatibility" lists (the e2e matrix, N8N_E2E_VERSION).
 *
 * OAuth2 token refresh on a 401 (Stamps.com). n8n refreshes an OAuth2 token only when its
 * request helper throws with HTTP 401: requestOAuth2 wraps `helpers.httpRequest(...)` in a
 * `.catch` that refreshes when `error.response.status` is 401 (n8n-io/n8n packages/core:
 * request-helper-functions.ts in 1.123.x, request-helpers/oauth.ts in 2.41.x). Whether a status
 * throws is decided by `ignoreHttpStatusErrors`:
 * - n8n 2.x (2.41.1 tested) reads `{ ignore: true, except: [401] }` as "throw for a 401 only"
 *   (convertN8nRequestToAxios: `validateStatus = (status) => !except.includes(status)`);
 * - n8n 1.x (1.100.1 and 1.123.81 tested) reads any truthy value as "ignore every status"
 *   (`if (n8nRequest.ignoreHttpStatusErrors) axiosRequest.validateStatus = () => true`), so the
 *   401 came back as an answer and the token was never refreshed: every Stamps.com workflow
 *   failed 15 minutes after the credential was connected.
 * So OAuth2 requests let every HTTP error throw, which both lines read the same way (a 401
 * reaches the refresh), and the node reads the API's answer back from the thrown error
 * (`thrownHttpAnswer`) to build its own error message.
 *
 * The other differences need no code of their own; they are listed here so this stays the one
 * place to look:
 * - "Allowed HTTP Request Domains": n8n 1.100 has no such credential setting (no `allowedDomains`,
 *   nothing to adjust); 1.123 and 2.41 both allow the credential's list plus the node's own
 *   endpoint, in the same three string forms (n8n-workflow getCredentialAllowedDomains), which
 *   ownHost.ts reads; with no restriction they pass no `allowedDomains` at all.
 * - Binary data: 1.x keeps files in the execution data by default (mode `default`), 2.x in
 *   `filesystem` (`database` in queue mode); both nodes only call `prepareBinaryData`.
 * - Tool versions (`usableAsTool`): 1.123 and 2.41 both derive the `…Tool` node for community
 *   packages without a setting. n8n before 1.109.0 (1.100.1 tested) never runs it: its
 *   `shouldAssignExecuteMethod` gives no `execute` to a declarative node that has `methods` (the
 *   dropdowns), so the tool answers the model an empty string and no code of ours runs; nothing
 *   here can change that (README "Compatibility", e2e/lib/versions.ts).
 * - Publishing vs activating a workflow (trigger webhooks): the test harness's concern,
 *   e2e/lib/versions.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseBody } from './errors';

/** `ignoreHttpStatusErrors` for requests signed by an OAuth2 credential (see above). */
export const OAUTH2_IGNORE_HTTP_STATUS_ERRORS = false;

export interface HttpAnswer {
	status: number;
	body: unknown;
	headers: IDataObject;
}

interface AxiosLike {
	response?: { status?: unknown; data?: unknown; headers?: unknown };
	cause?: unknown;
}

/**
 * The HTTP answer inside what n8n's request helper threw for a status >= 400: n8n 1.123 and
 * 2.41 both throw `new NodeApiError(node, axiosError)`, whose `cause` is the AxiosError with
 * the `response` (status, headers, body). Undefined for anything that got no answer (network
 * failures, n8n's own errors, errors our preSends threw).
 */
export function thrownHttpAnswer(error: unknown): HttpAnswer | undefined {
	let current: unknown = error;
	for (let depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
		const response = (current as AxiosLike).response;
		const status = Number(response?.status);
		if (response && status >= 400) {
			let data = response.data;
			if (data instanceof ArrayBuffer) data = Buffer.from(data);
			return {
				status,
				body: parseBody(data),
				headers: (response.headers && typeof response.headers === 'object' ? { ...(response.headers as IDataObject) } : {}) as IDataObject,
			};
		}
		current = (current as AxiosLike).cause;
	}
	return undefined;
}
