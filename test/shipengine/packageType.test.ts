import nock from 'nock';

import { API, errorBody, headers, run } from './labelHelpers';

const NO_CONTENT = ['', { 'Content-Type': 'text/plain' }] as const;

const laptopBox = {
	package_id: 'se-1234',
	package_code: 'laptop_box',
	name: 'Laptop box',
	dimensions: { unit: 'inch', length: 16, width: 12, height: 4 },
	description: 'Packaging for laptops',
};
const create = {
	resource: 'packageType',
	operation: 'create',
	customPackageCode: 'laptop_box',
	customPackageName: 'Laptop box',
	additionalFields: {
		customPackageDescription: 'Packaging for laptops',
		customPackageDimensions: { dimensions: { length: 16, width: 12, height: 4, unit: 'inch' } },
	},
};
const body = { package_code: 'laptop_box', name: 'Laptop box', description: 'Packaging for laptops', dimensions: { unit: 'inch', length: 16, width: 12, height: 4 } };

describe('Package Type', () => {
	it('Create sends code, name, description and dimensions', async () => {
		nock(API, headers).post('/v1/packages', body).reply(200, laptopBox);
		const { items, error } = await run(create);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: laptopBox, pairedItem: { item: 0 } }]);
	});

	it('Create with only code and name sends only those', async () => {
		nock(API, headers).post('/v1/packages', { package_code: 'laptop_box', name: 'Laptop box' }).reply(200, { package_id: 'se-1235', package_code: 'laptop_box', name: 'Laptop box' });
		const { error } = await run({ ...create, additionalFields: {} });
		expect(error).toBeUndefined();
	});

	it.each([
		[{ customPackageCode: 'Laptop Box' }, 'Custom Package Code: "Laptop Box" must be lower case letters and digits joined by underscores (e.g. laptop_box), at most 50 characters (item 0)'],
		[{ customPackageName: 'x'.repeat(51) }, 'Custom Package Name: is 51 characters long (at most 50) (item 0)'],
		[
			{ additionalFields: { customPackageDimensions: { dimensions: { length: 16, width: 0, height: 4, unit: 'inch' } } } },
			'Additional Fields > Custom Package Dimensions > Package Width: must be greater than 0 (item 0)',
		],
	])('sends nothing for bad input %p', async (override, message) => {
		const { error } = await run({ ...create, ...override });
		expect(error?.message).toBe(message);
	});

	it('Get, Get Many (Return All / Limit), Update, Delete', async () => {
		nock(API, headers)
			.get('/v1/packages/se-1234')
			.reply(200, laptopBox)
			.get('/v1/packages')
			.reply(200, { packages: [laptopBox, { ...laptopBox, package_id: 'se-1235', package_code: 'shoe_box' }] })
			.get('/v1/packages')
			.reply(200, { packages: [laptopBox, { ...laptopBox, package_id: 'se-1235', package_code: 'shoe_box' }] })
			.put('/v1/packages/se-1234', body)
			.reply(204, ...NO_CONTENT)
			.delete('/v1/packages/se-1234')
			.reply(204, ...NO_CONTENT);
		expect((await run({ resource: 'packageType', operation: 'get', packageId: 'se-1234' })).items).toEqual([{ json: laptopBox, pairedItem: { item: 0 } }]);
		expect((await run({ resource: 'packageType', operation: 'getAll', returnAll: true })).items).toHaveLength(2);
		expect((await run({ resource: 'packageType', operation: 'getAll', returnAll: false, limit: 1 })).items.map((i) => i.json.package_code)).toEqual(['laptop_box']);
		expect((await run({ ...create, operation: 'update', packageId: 'se-1234' })).items).toEqual([
			{ json: { success: true, package_id: 'se-1234', updated: true }, pairedItem: { item: 0 } },
		]);
		expect((await run({ resource: 'packageType', operation: 'delete', packageId: 'se-1234' })).items).toEqual([
			{ json: { success: true, package_id: 'se-1234', deleted: true }, pairedItem: { item: 0 } },
		]);
	});

	it('a 404 is the API\'s own message', async () => {
		nock(API, headers).get('/v1/packages/se-9').reply(404, errorBody('invalid_identifier', 'Package se-9 was not found.', 'e1d2e3f4-0000-4000-8000-000000000051'));
		const { error } = await run({ resource: 'packageType', operation: 'get', packageId: 'se-9' });
		expect(error?.message).toBe('Package se-9 was not found.');
	});
});
