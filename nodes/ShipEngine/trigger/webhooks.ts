/**
 * The trigger's webhook lifecycle on /v1/environment/webhooks (A7's pattern, adapted):
 *
 * - ShipEngine keeps one webhook per event (409 `webhook_event_type_conflict` on a second one),
 *   so the node registers one webhook per chosen event, all pointing at its own URL.
 * - A webhook for the same event and the same URL is this node's (n8n URLs contain the workflow
 *   and node ids; test and production URLs differ), left over from an earlier activation: it is
 *   reused, never duplicated. A webhook for the same event and another URL belongs to someone
 *   else and is never touched: activation stops with an error saying so.
 * - Static data (`getWorkflowStaticData('node').webhookIds`) maps each event to its webhook id.
 *   Activation that fails half way deletes the webhooks it had just created; deactivation deletes
 *   the stored ones (404 means already gone) and then forgets them.
 */
import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { failureStatus, shipEngineApiRequest } from '../shared/transport';

export const WEBHOOKS_PATH = '/v1/environment/webhooks';

export interface ShipEngineWebhook {
	webhook_id: string;
	url: string;
	event: string;
}

interface TriggerStaticData extends IDataObject {
	webhookIds?: Record<string, string>;
}

function staticData(ctx: IHookFunctions): TriggerStaticData {
	return ctx.getWorkflowStaticData('node') as TriggerStaticData;
}

function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not give this trigger a webhook URL');
	return url;
}

function selectedEvents(ctx: IHookFunctions): string[] {
	const events = ctx.getNodeParameter('events', []) as string[];
	if (!Array.isArray(events) || events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event in "Events"', {
			description: 'ShipEngine only sends the events a webhook is registered for.',
		});
	}
	return [...new Set(events)];
}

function isWebhook(value: unknown): value is ShipEngineWebhook {
	const hook = value as Partial<ShipEngineWebhook> | null;
	return typeof hook?.webhook_id === 'string' && typeof hook.url === 'string' && typeof hook.event === 'string';
}

export async function listWebhooks(ctx: IHookFunctions): Promise<ShipEngineWebhook[]> {
	const body = await shipEngineApiRequest(ctx, 'GET', WEBHOOKS_PATH);
	return Array.isArray(body) ? body.filter(isWebhook) : [];
}

/** The webhooks among `hooks` that send one of `events` to `url`, by event. */
function ownWebhooks(hooks: ShipEngineWebhook[], url: string, events: string[]): Record<string, string> {
	const found: Record<string, string> = {};
	for (const event of events) {
		const hook = hooks.find((candidate) => candidate.event === event && candidate.url === url);
		if (hook) found[event] = hook.webhook_id;
	}
	return found;
}

/** checkExists: true (and ids stored) only when every chosen event already reaches this URL. */
export async function webhooksExist(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(this);
	const events = selectedEvents(this);
	const found = ownWebhooks(await listWebhooks(this), url, events);
	if (Object.keys(found).length !== events.length) return false;
	staticData(this).webhookIds = found;
	return true;
}

function conflictError(ctx: IHookFunctions, event: string, other: ShipEngineWebhook | undefined): NodeApiError {
	const otherUrl = other?.url;
	const which = other ? `webhook ${other.webhook_id}` : `the "${event}" webhook`;
	return new NodeApiError(ctx.getNode(), { event, url: otherUrl ?? null, webhook_id: other?.webhook_id ?? null } as JsonObject, {
		httpCode: '409',
		message: `ShipEngine already sends the "${event}" event to another URL${otherUrl ? ` (${otherUrl})` : ''}`,
		description:
			`ShipEngine allows one webhook per event. To free the event, delete ${which} with the ShipEngine node: ` +
			'Webhook › Get Many lists every webhook with its event, URL and webhook_id, Webhook › Delete removes one ' +
			'(or use the ShipEngine dashboard, or deactivate the workflow that registered it), or choose other events. ' +
			'The test URL and the production URL of a trigger count as different URLs: deactivate the workflow before ' +
			'listening for a test event on the same events.',
	});
}

/** Registers one event, or finds this URL's webhook for it when ShipEngine answers 409. */
async function registerEvent(
	ctx: IHookFunctions,
	event: string,
	url: string,
	created: string[],
): Promise<string> {
	let status: number | undefined;
	let failure: unknown;
	try {
		// Safe to repeat: a repeated POST can only meet a 409, which is handled below.
		const hook = await shipEngineApiRequest(ctx, 'POST', WEBHOOKS_PATH, { event, url }, undefined, { safeToRepeat: true });
		if (isWebhook(hook)) {
			created.push(hook.webhook_id);
			return hook.webhook_id;
		}
		failure = new NodeOperationError(ctx.getNode(), `ShipEngine did not return a webhook id for the "${event}" event`);
	} catch (error) {
		status = failureStatus(error);
		failure = error;
	}
	if (status !== 409) throw failure;
	const hooks = await listWebhooks(ctx);
	const own = ownWebhooks(hooks, url, [event])[event];
	if (own) return own;
	throw conflictError(ctx, event, hooks.find((hook) => hook.event === event));
}

/** Deletes webhooks by id; 404 counts as deleted. Returns the ids that could not be deleted. */
async function deleteByIds(ctx: IHookFunctions, ids: string[]): Promise<string[]> {
	const left: string[] = [];
	for (const id of ids) {
		try {
			await shipEngineApiRequest(ctx, 'DELETE', `${WEBHOOKS_PATH}/${encodeURIComponent(id)}`);
		} catch (error) {
			if (failureStatus(error) === 404) continue;
			ctx.logger.warn(`ShipEngine Trigger: could not delete webhook ${id}: ${(error as Error).message}`);
			left.push(id);
		}
	}
	return left;
}

/** create: registers every chosen event; on any failure, deletes what it created and fails. */
export async function createWebhooks(this: IHookFunctions): Promise<boolean> {
	const url = webhookUrl(this);
	const events = selectedEvents(this);
	const ids: Record<string, string> = {};
	const created: string[] = [];
	let failure: unknown;
	try {
		for (const event of events) ids[event] = await registerEvent(this, event, url, created);
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined) {
		const left = await deleteByIds(this, created);
		if (left.length) {
			this.logger.warn(`ShipEngine Trigger: rollback left webhooks ${left.join(', ')} registered for ${url}`);
		}
		throw failure instanceof NodeApiError || failure instanceof NodeOperationError
			? failure
			: new NodeOperationError(this.getNode(), failure as Error);
	}
	staticData(this).webhookIds = ids;
	return true;
}

/** delete: removes the stored webhooks; keeps (and reports) only those that could not be removed. */
export async function deleteWebhooks(this: IHookFunctions): Promise<boolean> {
	const data = staticData(this);
	const stored = Object.entries(data.webhookIds ?? {});
	const left = new Set(await deleteByIds(this, stored.map(([, id]) => id)));
	if (left.size) {
		data.webhookIds = Object.fromEntries(stored.filter(([, id]) => left.has(id)));
		return false;
	}
	delete data.webhookIds;
	return true;
}
