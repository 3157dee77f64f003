/**
 * The package fields both nodes describe (weight, its unit, dimensions and their unit): same
 * labels, descriptions, placeholders, defaults and required markers. Each node places them
 * where its API wants them (ShipEngine: a list of packages; SERA: one package) under the
 * parameter names it shipped with.
 *
 * Weight is a required text field without a default: n8n's editor flags an empty required
 * string before a run but never an empty or zero number (n8n-workflow node-helpers
 * `addToIssuesIfMissing` checks no number type), and a default of 0 looked like a real value.
 * The nodes read the value with `packageWeight` and refuse anything that is not a number above
 * zero before any request, in their own words (n8n's `validateType` would answer an expression
 * that is not a number with its generic "Invalid input for 'Weight'").
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export const WEIGHT_UNIT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Gram', value: 'gram' },
	{ name: 'Kilogram', value: 'kilogram' },
	{ name: 'Ounce', value: 'ounce' },
	{ name: 'Pound', value: 'pound' },
];

export const DIMENSION_UNIT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Centimeter', value: 'centimeter' },
	{ name: 'Inch', value: 'inch' },
];

/** The weight unit a new node starts with (both APIs accept it; US postage is priced by the ounce). */
export const DEFAULT_WEIGHT_UNIT = 'ounce';
export const DEFAULT_DIMENSION_UNIT = 'inch';

export const WEIGHT_DESCRIPTION = 'Weight of the package in Weight Unit; a number above zero';

/** Required weight (text checked as a number; see the file comment). */
export function weightField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Weight',
		name: 'weight',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 12.5',
		description: WEIGHT_DESCRIPTION,
		...overrides,
	};
}

export function weightUnitField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Weight Unit',
		name: 'weightUnit',
		type: 'options',
		options: WEIGHT_UNIT_OPTIONS,
		default: DEFAULT_WEIGHT_UNIT,
		description: 'Unit of Weight',
		...overrides,
	};
}

const DIMENSION_NOTE = 'in Dimension Unit; give length, width and height together, or none';

/** Length, width, height and their unit, in that order; 0 means "not given". */
export function dimensionFields(overrides: Partial<INodeProperties> = {}): INodeProperties[] {
	const size = (displayName: string, name: string): INodeProperties => ({
		displayName,
		name,
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: `${displayName} of the package ${DIMENSION_NOTE} (0 = not given)`,
		...overrides,
	});
	return [
		size('Length', 'length'),
		size('Width', 'width'),
		size('Height', 'height'),
		{
			displayName: 'Dimension Unit',
			name: 'dimensionUnit',
			type: 'options',
			options: DIMENSION_UNIT_OPTIONS,
			default: DEFAULT_DIMENSION_UNIT,
			description: 'Unit of Length, Width and Height',
			...overrides,
		},
	];
}

/** A weight as the APIs want it: a finite number above zero, or undefined. */
export function packageWeight(raw: unknown): number | undefined {
	if (raw === undefined || raw === null) return undefined;
	const text = typeof raw === 'number' ? String(raw) : String(raw).trim();
	if (text === '') return undefined;
	const value = Number(text);
	return Number.isFinite(value) && value > 0 ? value : undefined;
}
