/**
 * The hook in test/helpers/setup.ts sees every request nock answers, through the real engine,
 * and reports contract violations of the request and of the mocked reply.
 */
import nock from 'nock';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { takeContractViolations } from '../helpers/contract';
import { runNode } from '../helpers/engine';

/** A minimal declarative node on our ShipEngine credential listing labels by status. */
class LabelLister implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Label Lister',
		name: 'labelLister',
		group: ['transform'],
		version: 1,
		description: 'Contract hook self-test',
		defaults: { name: 'Label Lister' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'shipEngineApi', required: true }],
		requestDefaults: { baseURL: 'https://api.shipengine.com', headers: { Accept: 'application/json' } },
		properties: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'string',
				default: '',
				routing: {
					request: { method: 'GET', url: '/v1/labels' },
					send: { type: 'query', property: 'label_status' },
				},
			},
		],
	};
}

const run = (status: string) =>
	runNode({ node: new LabelLister(), parameters: { status }, credentials: { shipEngineApi: { apiKey: 'TEST_hook' } } });
const requestId = '0b6b2c43-2f2a-4d6f-9a3e-3c8f6b1d2e4f';
const page = { labels: [], total: 0, page: 1, pages: 0, links: { first: { href: 'https://api.shipengine.com/v1/labels' }, last: { href: 'https://api.shipengine.com/v1/labels' }, prev: {}, next: {} } };

describe('contract hook', () => {
	it('passes a request and reply that match the spec', async () => {
		nock('https://api.shipengine.com').get('/v1/labels').query({ label_status: 'voided' }).reply(200, page);
		const { error } = await run('voided');
		expect(error).toBeUndefined();
		expect(await takeContractViolations()).toEqual([]);
	});

	it('reports a wrong query enum sent by a node, even though the mock accepted it', async () => {
		nock('https://api.shipengine.com').get('/v1/labels').query({ label_status: 'cancelled' }).reply(200, page);
		await run('cancelled');
		expect(await takeContractViolations()).toEqual([
			expect.stringMatching(/^GET \/v1\/labels: query label_status: must be one of .*"voided".* \(got "cancelled"\)$/),
		]);
	});

	it('reports a mocked reply that drifted from the documented response', async () => {
		nock('https://api.shipengine.com')
			.get('/v1/labels')
			.query({ label_status: 'voided' })
			.reply(200, { ...page, labels: [{ label_id: 42 }] });
		await run('voided');
		const violations = await takeContractViolations();
		expect(violations).toContain('GET /v1/labels: response body /labels/0/label_id: must be string (got 42)');
	});

	it('checks the documented error shape of an error reply', async () => {
		nock('https://api.shipengine.com').get('/v1/labels').query(true).reply(400, { message: 'bad' });
		await run('voided');
		expect(await takeContractViolations()).toContain('GET /v1/labels: response body /: missing required property "request_id"');
		nock('https://api.shipengine.com')
			.get('/v1/labels')
			.query(true)
			.reply(400, { request_id: requestId, errors: [{ error_source: 'shipengine', error_type: 'validation', error_code: 'invalid_field_value', message: 'bad' }] });
		await run('voided');
		expect(await takeContractViolations()).toEqual([]);
	});

	it('also sees requests made with fetch', async () => {
		nock('https://api.shipengine.com').get('/v1/label').reply(200, {});
		await fetch('https://api.shipengine.com/v1/label', { headers: { 'API-Key': 'TEST_hook' } });
		expect(await takeContractViolations()).toEqual(['GET /v1/label: operation: unknown path /v1/label: no such operation in the ShipEngine spec']);
	});
});
