/**
 * mergeRepeatedFields: fewer properties for n8n's engine to walk per item, the same editor.
 */
import type { INodeProperties } from 'n8n-workflow';

import { fieldOrder, mergeRepeatedFields } from '../../nodes/shared/mergeFields';
import { ShipEngine } from '../../nodes/ShipEngine/ShipEngine.node';
import { resourceDescriptions as shipEngineFields } from '../../nodes/ShipEngine/resources';
import { StampsCom } from '../../nodes/StampsCom/StampsCom.node';
import { resourceDescriptions as stampsComFields } from '../../nodes/StampsCom/resources';

const field = (name: string, operation: string[], extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName: name,
	name,
	type: 'string',
	default: '',
	displayOptions: { show: { resource: ['label'], operation } },
	...extra,
});
const operations = (...values: string[]): INodeProperties => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	default: values[0],
	options: values.map((value) => ({ name: value, value })),
	displayOptions: { show: { resource: ['label'] } },
});

describe('mergeRepeatedFields', () => {
	it.each([
		['ShipEngine', shipEngineFields, new ShipEngine().description.properties],
		['Stamps.com', stampsComFields, new StampsCom().description.properties],
	])('%s: every resource/operation shows the same fields in the same order', (_name, source, built) => {
		const views = fieldOrder(source);
		expect(views.size).toBeGreaterThan(10);
		expect(fieldOrder(built.filter((p) => p.name !== 'retryPolicy' && p.name !== 'resource'))).toEqual(views);
	});

	it('ShipEngine: at least 20 properties fewer', () => {
		expect(shipEngineFields.length - mergeRepeatedFields(shipEngineFields).length).toBeGreaterThanOrEqual(20);
	});

	it('merges identical copies, and moves neighbours as a block', () => {
		const merged = mergeRepeatedFields([
			operations('get', 'void'),
			field('labelId', ['get']),
			field('download', ['get']),
			field('file', ['get']),
			field('labelId2', ['void']),
			field('download', ['void']),
			field('file', ['void']),
		]);
		expect(merged.map((p) => [p.name, p.displayOptions?.show?.operation])).toEqual([
			['operation', undefined],
			['labelId', ['get']],
			['labelId2', ['void']],
			['download', ['get', 'void']],
			['file', ['get', 'void']],
		]);
	});

	it('keeps copies that differ in anything but the operation, or whose preSend differs', () => {
		const one = async () => ({ url: '/one' });
		const two = async () => ({ url: '/two' });
		const source = [
			operations('get', 'void'),
			field('a', ['get'], { description: 'x' }),
			field('a', ['void'], { description: 'y' }),
			field('b', ['get'], { routing: { send: { preSend: [one] } } }),
			field('b', ['void'], { routing: { send: { preSend: [two] } } }),
		];
		expect(mergeRepeatedFields(source)).toHaveLength(source.length);
	});

	it('puts the merged field at its earlier copy when only that keeps every order', () => {
		const merged = mergeRepeatedFields([
			operations('createReturn', 'get'),
			field('labelId', ['createReturn']),
			field('extra', ['createReturn']),
			field('labelId', ['get']),
			field('download', ['createReturn', 'get']),
		]);
		expect(merged.map((p) => [p.name, p.displayOptions?.show?.operation])).toEqual([
			['operation', undefined],
			['labelId', ['createReturn', 'get']],
			['extra', ['createReturn']],
			['download', ['createReturn', 'get']],
		]);
	});

	it('ShipEngine: Label ID is one property (n8n evaluates an expression in it once per definition)', () => {
		expect(new ShipEngine().description.properties.filter((p) => p.name === 'labelId')).toHaveLength(1);
	});

	it('refuses a merge that would change the order an operation shows its fields in', () => {
		const source = [operations('get', 'void'), field('x', ['get']), field('y', ['get']), field('y', ['void']), field('x', ['void'])];
		expect(fieldOrder(mergeRepeatedFields(source))).toEqual(fieldOrder(source));
	});
});
