import type { INodeProperties } from 'n8n-workflow';

import { asCode } from '../../../shared/requestShaping';
import { addressCollection, SHIP_FROM_REQUIRED, SHIP_TO_REQUIRED } from '../../shared/address';
import {
	binaryPropertyField,
	idempotencyOptions,
	labelOptionFields,
	packageFields,
	SHIPMENT_OPTIONS,
} from '../../shared/descriptions';
import { seraCustomsField } from '../../shared/customs';
import { LABEL_OPTION_EXTRAS, SHIPMENT_OPTION_EXTRAS } from '../../shared/shipmentExtras';

const showOnlyForLabelCreate = { resource: ['label'], operation: ['create'] };

const text = (displayName: string, name: string, property: string, description?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	routing: { send: { type: 'body', property } },
});

const labelCreateOptions = ([
	...SHIPMENT_OPTIONS,
	...SHIPMENT_OPTION_EXTRAS,
	...LABEL_OPTION_EXTRAS,
	...labelOptionFields('body'),
	text('Cost Code ID', 'costCodeId', 'references.cost_code_id', 'Cost code to charge the label to, for accounts that use cost codes'),
	text('Email Label To', 'emailLabelTo', 'email_label.email', 'Also email the label to this address'),
	text('Email Notes', 'emailNotes', 'email_label.email_notes', 'Note added to the label email'),
	{
		displayName: 'Is Test Label',
		name: 'isTestLabel',
		type: 'boolean',
		default: false,
		description: 'Whether to create a sample label that is not charged and cannot be shipped',
		routing: { send: { type: 'body', property: 'is_test_label' } },
	},
	text('Order Number', 'orderNumber', 'order_details.order_number', 'Your order number, stored with the label'),
	text('Order Source', 'orderSource', 'order_details.order_source', 'Where the order came from, e.g. your shop name'),
	text('Printed Message 1', 'printedMessage1', 'references.printed_message1', 'Text printed on the label'),
	text('Printed Message 2', 'printedMessage2', 'references.printed_message2', 'Text printed on the label'),
	text('Printed Message 3', 'printedMessage3', 'references.printed_message3', 'Text printed on the label'),
	text('Reference 1', 'reference1', 'references.reference1', 'Your reference, stored with the label and shown in reports'),
	text('Reference 2', 'reference2', 'references.reference2', 'Your second reference, stored with the label'),
	text('Reference 3', 'reference3', 'references.reference3', 'Your third reference, stored with the label'),
	text('Reference 4', 'reference4', 'references.reference4', 'Your fourth reference, stored with the label'),
	addressCollection({
		name: 'returnAddress',
		displayName: 'Return Address',
		description: 'Address printed as the return address, when it differs from Ship From',
		bodyProperty: 'return_address',
		requiredFields: [],
		path: 'additionalFields.returnAddress',
	}),
] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName));

export const labelCreateDescription: INodeProperties[] = [
	addressCollection({
		name: 'shipFrom',
		displayName: 'Ship From',
		description: 'Sender: needs Name or Company Name, Address Line 1, City, State/Province and Postal Code',
		bodyProperty: 'from_address',
		requiredFields: SHIP_FROM_REQUIRED,
		displayOptions: { show: showOnlyForLabelCreate },
	}),
	addressCollection({
		name: 'shipTo',
		displayName: 'Ship To',
		description: 'Recipient: needs Name or Company Name, Address Line 1, City and Country Code',
		bodyProperty: 'to_address',
		requiredFields: SHIP_TO_REQUIRED,
		displayOptions: { show: showOnlyForLabelCreate },
	}),
	{
		displayName: 'Service Type Name or ID',
		name: 'serviceType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getServiceTypes' },
		required: true,
		default: '',
		description:
			'Carrier service to buy, e.g. usps_ground_advantage (use the service_type of a rate). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: showOnlyForLabelCreate },
		routing: { send: { type: 'body', property: 'service_type', preSend: [asCode('body', 'service_type')] } },
	},
	...packageFields(showOnlyForLabelCreate),
	seraCustomsField(showOnlyForLabelCreate),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForLabelCreate },
		options: labelCreateOptions,
	},
	idempotencyOptions(showOnlyForLabelCreate),
	binaryPropertyField(showOnlyForLabelCreate),
];
