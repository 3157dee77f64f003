import nock from 'nock';

import { API, errorBody, headers, run } from './labelHelpers';

const NO_CONTENT = ['', { 'Content-Type': 'text/plain' }] as const;

const upsFields = {
	field: [
		{ name: 'account_number', value: 'A1B2C3' },
		{ name: 'account_postal_code', value: '78756' },
		{ name: 'account_country_code', value: 'US' },
	],
};
const connect = { resource: 'carrierAccount', operation: 'connect', carrierName: 'ups', carrierNickname: 'UPS main', carrierAccountFields: upsFields };

describe('Carrier Account > Connect', () => {
	it('sends the nickname and the carrier\'s fields to /v1/connections/carriers/{carrier_name}', async () => {
		nock(API, headers)
			.post('/v1/connections/carriers/ups', { nickname: 'UPS main', account_number: 'A1B2C3', account_postal_code: '78756', account_country_code: 'US' })
			.reply(200, { carrier_id: 'se-3002' });
		const { items, error } = await run(connect);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { carrier_id: 'se-3002' }, pairedItem: { item: 0 } }]);
	});

	it('writes true/false as booleans (FedEx agree_to_eula)', async () => {
		const fields = { account_number: '123', address1: '1 Main St', city: 'Austin', country_code: 'US', email: 'a@b.co', first_name: 'Jane', last_name: 'Doe', phone: '5125551234', postal_code: '78756', state: 'TX' };
		nock(API, headers)
			.post('/v1/connections/carriers/fedex', { nickname: 'FedEx', ...fields, agree_to_eula: true })
			.reply(200, { carrier_id: 'se-3003' });
		const { error } = await run({
			...connect,
			carrierName: 'fedex',
			carrierNickname: 'FedEx',
			carrierAccountFields: { field: [...Object.entries(fields).map(([name, value]) => ({ name, value })), { name: 'agree_to_eula', value: 'true' }] },
		});
		expect(error).toBeUndefined();
	});

	it.each([
		[{ carrierAccountFields: { field: upsFields.field.slice(0, 2) } }, 'Carrier Account Fields: UPS needs account_country_code (item 0)'],
		[
			{ carrierAccountFields: { field: [...upsFields.field, { name: 'acount_number', value: 'x' }] } },
			'Carrier Account Fields: UPS does not take acount_number (it takes: account_number, account_postal_code, account_country_code) (item 0)',
		],
		[{ carrierAccountFields: { field: [...upsFields.field, upsFields.field[0]] } }, 'Carrier Account Fields: "account_number" is given twice (item 0)'],
		[{ carrierNickname: ' ' }, 'Account Nickname: is required (item 0)'],
	])('sends nothing for bad input %p', async (override, message) => {
		const { error } = await run({ ...connect, ...override });
		expect(error?.message).toBe(message);
	});

	it('the carrier\'s refusal is ShipEngine\'s message', async () => {
		nock(API, headers)
			.post('/v1/connections/carriers/ups')
			.reply(400, errorBody('verification_failure', 'The carrier rejected the account credentials.', 'e1d2e3f4-0000-4000-8000-000000000061'));
		const { error } = await run(connect);
		expect(error?.message).toBe('The carrier rejected the account credentials.');
	});
});

describe('Carrier Account > Disconnect / Get Settings / Update Settings', () => {
	const account = { resource: 'carrierAccount', carrierName: 'dhl_express', carrierId: 'se-3004' };

	it('disconnects', async () => {
		nock(API, headers).delete('/v1/connections/carriers/dhl_express/se-3004').reply(204, ...NO_CONTENT);
		const { items, error } = await run({ ...account, operation: 'disconnect' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, carrier_id: 'se-3004', carrier_name: 'dhl_express', disconnected: true }, pairedItem: { item: 0 } }]);
	});

	it('gets and updates settings', async () => {
		const settings = { should_hide_account_number_on_archive_doc: true, is_primary_account: false };
		nock(API, headers)
			.get('/v1/connections/carriers/dhl_express/se-3004/settings')
			.reply(200, settings)
			.put('/v1/connections/carriers/dhl_express/se-3004/settings', { is_primary_account: true })
			.reply(204, ...NO_CONTENT);
		expect((await run({ ...account, operation: 'getSettings' })).items).toEqual([{ json: settings, pairedItem: { item: 0 } }]);
		const updated = await run({ ...account, operation: 'updateSettings', carrierSettings: { field: [{ name: 'is_primary_account', value: 'true' }] } });
		expect(updated.items).toEqual([{ json: { success: true, carrier_id: 'se-3004', carrier_name: 'dhl_express', settingsUpdated: true }, pairedItem: { item: 0 } }]);
	});

	it('an update without settings sends nothing', async () => {
		const { error } = await run({ ...account, operation: 'updateSettings', carrierSettings: {} });
		expect(error?.message).toBe('Carrier Settings: add at least one setting to change (item 0)');
	});
});

describe('Carrier > Disconnect', () => {
	it('sends DELETE /v1/carriers/{carrier_id}', async () => {
		nock(API, headers).delete('/v1/carriers/se-100002').reply(204, ...NO_CONTENT);
		const { items, error } = await run({ resource: 'carrier', operation: 'disconnect', carrierId: 'se-100002' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { success: true, carrier_id: 'se-100002', disconnected: true }, pairedItem: { item: 0 } }]);
	});
});
