import nock from 'nock';

import { API, errorBody, headers, run } from './labelHelpers';

const NO_CONTENT = ['', { 'Content-Type': 'text/plain' }] as const;

describe('Tag', () => {
	it('Create sends the name, and the color only when added', async () => {
		nock(API, headers)
			.post('/v1/tags', { name: 'Fragile' })
			.reply(200, { tag_id: 8712, name: 'Fragile' })
			.post('/v1/tags', { name: 'Wholesale', color: '#FF0000' })
			.reply(200, { tag_id: 8713, name: 'Wholesale', color: '#FF0000' });
		const first = await run({ resource: 'tag', operation: 'create', tagName: ' Fragile ' });
		expect(first.items).toEqual([{ json: { tag_id: 8712, name: 'Fragile' }, pairedItem: { item: 0 } }]);
		const second = await run({ resource: 'tag', operation: 'create', tagName: 'Wholesale', additionalFields: { tagColor: '#FF0000' } });
		expect(second.error).toBeUndefined();
	});

	it('Create refuses a color that is not hex, before any request', async () => {
		const { error } = await run({ resource: 'tag', operation: 'create', tagName: 'Fragile', additionalFields: { tagColor: 'red' } });
		expect(error?.message).toBe('Additional Fields > Tag Color: "red" is not a hex color (e.g. #FF0000) (item 0)');
	});

	it('Create shows ShipEngine\'s message for a tag that exists', async () => {
		nock(API, headers)
			.post('/v1/tags', { name: 'Fragile' })
			.reply(400, errorBody('identifier_conflict', 'The tag Fragile already exists.', 'e1d2e3f4-0000-4000-8000-000000000041'));
		const { error } = await run({ resource: 'tag', operation: 'create', tagName: 'Fragile' });
		expect(error?.message).toBe('The tag Fragile already exists.');
	});

	it('Get Many: Return All and Limit', async () => {
		const tags = { tags: [{ tag_id: 1, name: 'Fragile' }, { tag_id: 2, name: 'Wholesale' }, { tag_id: 3, name: 'Gift' }] };
		nock(API, headers).get('/v1/tags').reply(200, tags).get('/v1/tags').reply(200, tags);
		const all = await run({ resource: 'tag', operation: 'getAll', returnAll: true });
		expect(all.items.map((item) => item.json.name)).toEqual(['Fragile', 'Wholesale', 'Gift']);
		const some = await run({ resource: 'tag', operation: 'getAll', returnAll: false, limit: 2 });
		expect(some.items.map((item) => item.json.name)).toEqual(['Fragile', 'Wholesale']);
	});

	it('Delete puts the (encoded) name in the path and says what was deleted', async () => {
		nock(API, headers).delete('/v1/tags/Handle%20With%20Care').reply(204, ...NO_CONTENT);
		const { items, error } = await run({ resource: 'tag', operation: 'delete', tagName: 'Handle With Care' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, name: 'Handle With Care', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('Rename sends PUT /v1/tags/{name}/{new_name}', async () => {
		nock(API, headers).put('/v1/tags/Fragile/Breakable').reply(204, ...NO_CONTENT);
		const { items, error } = await run({ resource: 'tag', operation: 'rename', tagName: 'Fragile', newTagName: 'Breakable' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, name: 'Breakable', previous_name: 'Fragile', renamed: true }, pairedItem: { item: 0 } }]);
	});

	it('Rename to the same name sends nothing', async () => {
		const { error } = await run({ resource: 'tag', operation: 'rename', tagName: 'Fragile', newTagName: 'Fragile' });
		expect(error?.message).toBe('New Tag Name: is the same as Tag Name ("Fragile") (item 0)');
	});
});
