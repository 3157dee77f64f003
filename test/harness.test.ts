/**
 * Proves the harness itself: a wrong header, a wrong body or a wrong output must fail.
 * A tiny declarative node on our real ShipEngine credential is run through the engine.
 */
import nock from 'nock';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { runNode } from './helpers/engine';
import { takeUnmatchedRequests } from './helpers/nockGuard';

class ExampleNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Example',
		name: 'example',
		group: ['transform'],
		version: 1,
		description: 'Harness self-test',
		defaults: { name: 'Example' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'shipEngineApi', required: true }],
		requestDefaults: { baseURL: '={{$credentials.baseUrl}}', headers: { Accept: 'application/json' } },
		properties: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				routing: { request: { method: 'POST', url: '/v1/echo' }, send: { type: 'body', property: 'name' } },
			},
		],
	};
}

const credentials = { shipEngineApi: { apiKey: 'TEST_harness_key' } };
const run = (name: string) =>
	runNode({ node: new ExampleNode(), parameters: { name }, credentials, input: [{ json: { n: 1 } }] });

describe('engine harness', () => {
	it('sends the credential header and body through the real engine and returns items', async () => {
		nock('https://api.shipengine.com', { reqheaders: { 'API-Key': 'TEST_harness_key' } })
			.post('/v1/echo', { name: 'Ada' })
			.reply(200, { ok: true, name: 'Ada' });
		const { items, error } = await run('Ada');
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ ok: true, name: 'Ada' }]);
	});

	it('does not match a request whose header is wrong', async () => {
		const scope = nock('https://api.shipengine.com', { reqheaders: { 'API-Key': 'TEST_other_key' } })
			.post('/v1/echo')
			.reply(200, {});
		const { error } = await run('Ada');
		expect(error).toBeDefined();
		expect(scope.isDone()).toBe(false);
		expect(takeUnmatchedRequests()).toEqual(['POST https://api.shipengine.com/v1/echo']);
		nock.cleanAll();
	});

	it('does not match a request whose body is wrong', async () => {
		const scope = nock('https://api.shipengine.com').post('/v1/echo', { name: 'Grace' }).reply(200, {});
		const { error } = await run('Ada');
		expect(error).toBeDefined();
		expect(scope.isDone()).toBe(false);
		expect(takeUnmatchedRequests()).toEqual(['POST https://api.shipengine.com/v1/echo']);
		nock.cleanAll();
	});

	it('shows a wrong output as a difference', async () => {
		nock('https://api.shipengine.com').post('/v1/echo', { name: 'Ada' }).reply(200, { name: 'Ada' });
		const { items } = await run('Ada');
		expect(() => expect(items.map((item) => item.json)).toEqual([{ name: 'Grace' }])).toThrow();
	});
});
