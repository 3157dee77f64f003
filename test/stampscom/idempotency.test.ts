/**
 * Idempotency-Key rules through the real engine: same key for the same item of the same
 * execution (shared retry policy, n8n's Retry On Fail, a second run with the same execution id),
 * a new key for another item, execution or operation; the user's key overrides.
 */
import nock from 'nock';

import { derivedIdempotencyKey, userIdempotencyKey } from '../../nodes/StampsCom/shared/idempotency';
import { currentInstanceId as instanceSettingsId } from '../helpers/engine';
import { BEARER, expectUuidV4, fixture, run, STAGING_API } from './helpers';

const addFunds = (extra: Record<string, unknown> = {}) => ({ resource: 'balance', operation: 'addFunds', amount: 25, ...extra });

/** Records the Idempotency-Key of each POST /v1/balance/add-funds; answers with the given statuses. */
function mockAddFunds(statuses: number[]): string[] {
	const keys: string[] = [];
	const scope = nock(STAGING_API, { reqheaders: { authorization: BEARER } });
	for (const status of statuses) {
		scope.post('/sera/v1/balance/add-funds', { amount: 25 }).reply(function () {
			keys.push(this.req.headers['idempotency-key'] as string);
			return status < 400
				? [status, fixture('balance.json')]
				: [status, { errors: [{ error_code: 899999, error_message: 'Service unavailable' }] }];
		});
	}
	return keys;
}

describe('Idempotency-Key', () => {
	it('is the same when the same execution runs the same item again, different for another execution', async () => {
		const keys = mockAddFunds([200, 200, 200]);
		await run(addFunds(), { executionId: 'exec-A' });
		await run(addFunds(), { executionId: 'exec-A' });
		await run(addFunds(), { executionId: 'exec-B' });
		expectUuidV4(...keys);
		expect(keys[1]).toBe(keys[0]);
		expect(keys[2]).not.toBe(keys[0]);
		expect(keys[0]).toBe(
			derivedIdempotencyKey({
				instanceId: instanceSettingsId(),
				workflowId: 'test-workflow',
				executionId: 'exec-A',
				nodeId: 'node-under-test',
				runIndex: 0,
				itemIndex: 0,
				operation: 'balance:addFunds',
			}),
		);
	});

	it('differs between two n8n installations running the same imported workflow (same execution and node ids), and per workflow', async () => {
		const keys = mockAddFunds([200, 200, 200, 200]);
		await run(addFunds(), { executionId: '1', instanceId: 'instance-a' });
		await run(addFunds(), { executionId: '1', instanceId: 'instance-b' });
		await run(addFunds(), { executionId: '1', instanceId: 'instance-a' });
		await run(addFunds(), { executionId: '1', instanceId: 'instance-a', workflowId: 'other-workflow' });
		expectUuidV4(...keys);
		expect(keys[1]).not.toBe(keys[0]);
		expect(keys[2]).toBe(keys[0]);
		expect(keys[3]).not.toBe(keys[0]);
		expect(keys[0]).toBe(
			derivedIdempotencyKey({
				instanceId: 'instance-a',
				workflowId: 'test-workflow',
				executionId: '1',
				nodeId: 'node-under-test',
				runIndex: 0,
				itemIndex: 0,
				operation: 'balance:addFunds',
			}),
		);
	});

	it('differs per item and per node', async () => {
		const keys = mockAddFunds([200, 200, 200]);
		await run(addFunds(), { executionId: 'exec-C', input: [{ json: {} }, { json: {} }] });
		await run(addFunds(), { executionId: 'exec-C', nodeId: 'other-node' });
		expectUuidV4(...keys);
		expect(new Set(keys).size).toBe(3);
	});

	it('retries a 500 on a POST with the same key (shared retry policy)', async () => {
		const keys = mockAddFunds([500, 503, 200]);
		const { items, error } = await run(addFunds(), { executionId: 'exec-D' });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([fixture('balance.json')]);
		expect(keys).toHaveLength(3);
		expect(new Set(keys).size).toBe(1);
	});

	it("keeps the key when n8n's Retry On Fail re-runs the node", async () => {
		// 4 failed attempts exhaust the shared policy; Retry On Fail then runs the node again.
		const keys = mockAddFunds([500, 500, 500, 500, 200]);
		const { items, error } = await run(addFunds(), {
			executionId: 'exec-E',
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(keys).toHaveLength(5);
		expect(new Set(keys).size).toBe(1);
	});

	it('uses the Idempotency Key option: a v4 UUID as is, other text hashed into a v4 UUID', async () => {
		const keys = mockAddFunds([200, 200, 200]);
		const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
		await run(addFunds({ options: { idempotencyKey: uuid.toUpperCase() } }), { executionId: 'exec-F' });
		await run(addFunds({ options: { idempotencyKey: 'order-1001' } }), { executionId: 'exec-G' });
		await run(addFunds({ options: { idempotencyKey: 'order-1001' } }), { executionId: 'exec-H' });
		expectUuidV4(...keys);
		expect(keys[0]).toBe(uuid);
		expect(keys[1]).toBe(keys[2]);
		expect(keys[1]).toBe(userIdempotencyKey('order-1001', 'balance:addFunds'));
		expect(userIdempotencyKey('order-1001', 'label:create')).not.toBe(keys[1]);
	});

	it('is never sent on GET, PUT or DELETE', async () => {
		nock(STAGING_API, { badheaders: ['idempotency-key'] }).get('/sera/v1/balance').reply(200, fixture('balance.json'));
		const { error } = await run({ resource: 'balance', operation: 'get' });
		expect(error).toBeUndefined();
	});
});
