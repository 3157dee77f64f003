/**
 * Stamps.com label options the SERA reference names beyond the add-ons: registered mail, special
 * handling (fragile), label-less drop-off, the outbound label of a return label, the label logo,
 * and insurance / COD amounts in another currency than USD; sent with SERA's names and nesting.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { fixture, FROM_ADDRESS, labelCreateParameters, run, STAGING_API, TO_ADDRESS } from './helpers';

const base = (additionalFields: INodeParameters): INodeParameters =>
	labelCreateParameters({ additionalFields: { labelOutputType: 'base64', ...additionalFields } });

describe('Stamps.com Label > Create: more SERA label options', () => {
	it('sends registered mail, special handling, no label, outbound label ID, logo and non-USD amounts as SERA names them', async () => {
		const api = nock(STAGING_API)
			.post('/sera/v1/labels', {
				from_address: FROM_ADDRESS,
				to_address: TO_ADDRESS,
				service_type: 'usps_priority_mail',
				package: { packaging_type: 'package', weight: 4, weight_unit: 'ounce' },
				is_return_label: true,
				insurance: { insured_value: { amount: 50, currency: 'cad' } },
				advanced_options: {
					collect_on_delivery: { amount: 25, currency: 'eur' },
					registered_mail: { amount: 100, currency: 'usd' },
					special_handling: { special_contents_type: 'perishables', fragile: true },
					no_label: { is_drop_off: true },
					return_options: { outbound_label_id: '13bab305-a5eb-4ad6-a1d2-e5b545e764fb' },
				},
				label_options: { label_output_type: 'base64', label_logo_image_id: 42 },
			})
			.reply(200, fixture('label-base64.json'));
		const { error } = await run(
			base({
				isReturnLabel: true,
				insuredValue: 50,
				insuredValueCurrency: 'CAD',
				collectOnDeliveryAmount: 25,
				collectOnDeliveryCurrency: 'eur',
				registeredMailAmount: 100,
				fragile: true,
				specialContentsType: 'perishables',
				noLabelDropOff: true,
				outboundLabelId: '13bab305-a5eb-4ad6-a1d2-e5b545e764fb',
				labelLogoImageId: 42,
			}),
		);
		expect(error).toBeUndefined();
		expect(api.isDone()).toBe(true);
	});

	it('refuses an unknown currency before sending', async () => {
		const { items } = await run(base({ insuredValue: 50, insuredValueCurrency: 'EURO' }), { settings: { continueOnFail: true } });
		expect(items[0].error?.message).toBe('Additional Fields > Insured Value Currency: "EURO" is not an ISO 4217 currency code (e.g. USD) (item 0)');
	});
});
