/**
 * What makes one item of one node run unique across n8n installations, for the keys that stop a
 * purchase from being bought twice (ShipEngine's external_shipment_id, SERA's Idempotency-Key).
 *
 * An execution id alone is not enough: a fresh n8n numbers its executions from 1, and an
 * imported workflow keeps its node ids, so the same workflow in two installations on one account
 * (a move to a new server or database, dev and prod on one key, a restored backup) would make
 * the same keys and be answered with each other's labels. n8n's instance id (generated per
 * installation, from its encryption key; `getInstanceId()` in n8n 1.x and 2.x) and the workflow
 * id tell them apart. The same item of the same node run (n8n's Retry On Fail re-runs the node
 * with the same run index) still gets the same identity, so its retries find its first attempt.
 */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

export interface ItemIdentity {
	instanceId: string;
	workflowId: string;
	executionId: string;
	nodeId: string;
	runIndex: number;
	itemIndex: number;
}

function instanceIdOf(ctx: IExecuteSingleFunctions): string {
	try {
		return String(ctx.getInstanceId() ?? '');
	} catch {
		return '';
	}
}

export function itemIdentity(ctx: IExecuteSingleFunctions): ItemIdentity {
	const itemIndex = ctx.getItemIndex();
	return {
		instanceId: instanceIdOf(ctx),
		workflowId: String(ctx.getWorkflow().id ?? ''),
		executionId: String(ctx.getExecutionId() ?? ''),
		nodeId: ctx.getNode().id,
		runIndex: ctx.getWorkflowDataProxy(itemIndex).$runIndex,
		itemIndex,
	};
}

/** The identity as an unambiguous seed for a hash, in a fixed order. */
export function identitySeed(identity: ItemIdentity): string {
	const { instanceId, workflowId, executionId, nodeId, runIndex, itemIndex } = identity;
	return JSON.stringify([instanceId, workflowId, executionId, nodeId, runIndex, itemIndex]);
}
