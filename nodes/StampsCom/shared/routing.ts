/**
 * Routing every operation shares: SERA's error mapper first in postReceive, and on every POST
 * the Idempotency-Key preSend (after the validation preSends, so bad input never gets a key
 * or a request).
 */
import type { IHttpRequestMethods, INodePropertyRouting, PostReceiveAction, PreSendAction } from 'n8n-workflow';

import { seraError } from './errors';
import { seraIdempotencyKey } from './idempotency';

export function seraRouting(
	request: { method: IHttpRequestMethods; url: string },
	postReceive: PostReceiveAction[],
	preSend: PreSendAction[] = [],
): INodePropertyRouting {
	const allPreSend = request.method === 'POST' ? [...preSend, seraIdempotencyKey] : preSend;
	return {
		request: { ...request },
		...(allPreSend.length ? { send: { preSend: allPreSend } } : {}),
		output: { postReceive: [seraError, ...postReceive] },
	};
}
