import type { INodeProperties } from 'n8n-workflow';

import { seraCustomsPreSend } from '../../shared/customs';
import { seraShipmentExtras } from '../../shared/shipmentExtras';
import { labelToBinary } from '../../shared/labelOutput';
import { toItems } from '../../shared/output';
import { seraPurchase } from '../../shared/request';
import { seraRouting } from '../../shared/routing';
import { checkDates, requirePositive, requireValues, SHIP_DATE } from '../../shared/validation';
import { labelCreateDescription } from './create';
import { labelReprintDescription } from './reprint';
import { labelVoidDescription } from './void';

const showOnlyForLabels = { resource: ['label'] };
const LABEL_PATH = '/v1/labels/{labelId}';

export const labelDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForLabels },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a label charged to the postage balance',
				description:
					'Buy a shipping label (charges the account balance unless Is Test Label) and output it as a PDF, PNG or ZPL file. Safe to retry: a repeat of the same item replays the first purchase.',
				routing: {
					...seraRouting(
						{ method: 'POST', url: '/v1/labels' },
						[labelToBinary({ idProperty: 'label_id', filePrefix: 'label', formatParameter: 'additionalFields.labelFormat' })],
						[
							requireValues([['serviceType', 'Service Type']]),
							requirePositive([['weight', 'Weight']]),
							checkDates([SHIP_DATE]),
							seraCustomsPreSend,
							seraShipmentExtras,
						],
					),
					operations: { pagination: seraPurchase },
				},
			},
			{
				name: 'Reprint',
				value: 'reprint',
				action: 'Reprint a label for free',
				description: 'Get the file of an existing label again, optionally in another format or size; charges nothing',
				routing: seraRouting(
					{ method: 'GET', url: LABEL_PATH },
					[labelToBinary({ idProperty: 'label_id', filePrefix: 'label', formatParameter: 'options.labelFormat', idParameter: 'labelId' })],
					[requireValues([['labelId', 'Label ID']])],
				),
			},
			{
				name: 'Void',
				value: 'void',
				action: 'Void an unused label to get its cost refunded',
				description: 'Cancel an unused label and request a refund of its postage (the carrier may take 2-3 weeks to approve)',
				routing: seraRouting(
					{ method: 'PUT', url: `${LABEL_PATH}/void` },
					[toItems({ whenEmpty: (ctx) => ({ label_id: String(ctx.getNodeParameter('labelId', '')).trim(), voided: true }) })],
					[requireValues([['labelId', 'Label ID']])],
				),
			},
		],
		default: 'create',
	},
	...labelCreateDescription,
	...labelReprintDescription,
	...labelVoidDescription,
];
