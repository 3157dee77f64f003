/**
 * Tool parameters "defined automatically by the model", written as n8n's editor writes them when
 * a user clicks "Let the model define this parameter" on a field of a tool node (n8n 2.41
 * packages/frontend/editor-ui fromAIOverride.utils.ts, buildValueFromOverride/buildUniqueName):
 *   ={{ /*n8n-auto-generated-fromAI-override*\/ $fromAI('<key>', `<description>`, '<type>') }}
 * key = the list entries on the parameter's path (`package[0]` → `package0`) and the field's
 * display name, joined by "_", anything but letters, digits and "-" replaced by "_". The editor
 * leaves the description for the user to write; here it is the field's own description (HTML
 * removed), so the schema n8n offers the model shows what the node tells about each field.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

export const FROM_AI_MARKER = '/*n8n-auto-generated-fromAI-override*/';

export interface ModelField {
	/** Parameter path: `['trackingNumber']`, `['shipTo', 'address', 'postalCode']`, `['packages', 'package', 'weight']`. */
	path: string[];
}

export interface ModelFields {
	/** Node parameters with the model's fields as $fromAI expressions. */
	parameters: Record<string, unknown>;
	/** The $fromAI key of each path, in order. */
	keys: string[];
	/** The property each path names. */
	properties: INodeProperties[];
}

const shows = (property: INodeProperties, parameters: Record<string, unknown>): boolean =>
	Object.entries(property.displayOptions?.show ?? {}).every(
		([name, values]) => name.startsWith('@') || !Array.isArray(values) || values.includes(parameters[name.replace(/^\//, '')] as never),
	);

const plain = (html = ''): string => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

const fromAiType = (type: string): string => (['boolean', 'number', 'json'].includes(type) ? type : 'string');

function quote(description: string): string {
	const char = description.includes('\n') || !description.includes('`') ? '`' : description.includes('"') ? "'" : '"';
	return `${char}${description.replace(/\\/g, '\\\\').replaceAll(char, `\\${char}`)}${char}`;
}

export function fromAiExpression(key: string, property: INodeProperties): string {
	return `={{ ${FROM_AI_MARKER} $fromAI('${key}', ${quote(plain(property.description))}, '${fromAiType(property.type)}') }}`;
}

function editorKey(listSegments: string[], displayName: string): string {
	let key = [...listSegments, displayName].join('_');
	key = listSegments.length > 1 ? key.slice(-63) : key.slice(0, 63);
	return key.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 63);
}

/** `base` (resource, operation, fixed values) plus `paths` filled by the model. */
export function modelFields(node: INodeType, base: Record<string, unknown>, paths: string[][]): ModelFields {
	const parameters: Record<string, unknown> = structuredClone(base);
	const keys: string[] = [];
	const properties: INodeProperties[] = [];
	for (const path of paths) {
		const top = node.description.properties.find((property) => property.name === path[0] && shows(property, base));
		if (!top) throw new Error(`${node.description.name}: no visible parameter "${path[0]}" for ${JSON.stringify(base)}`);
		if (path.length === 1) {
			const key = editorKey([], top.displayName);
			parameters[top.name] = fromAiExpression(key, top);
			keys.push(key);
			properties.push(top);
			continue;
		}
		const [, groupName, fieldName] = path;
		const group = ((top.options ?? []) as Array<{ name: string; values?: INodeProperties[] }>).find((candidate) => candidate.name === groupName);
		const field = group?.values?.find((candidate) => candidate.name === fieldName);
		if (!group || !field) throw new Error(`${node.description.name}: "${path.join('.')}" is not a field of ${top.name}`);
		const multiple = Boolean(top.typeOptions?.multipleValues);
		const key = editorKey(multiple ? [`${groupName}0`] : [], field.displayName);
		const collection = (parameters[top.name] ??= {}) as Record<string, unknown>;
		const entry = multiple
			? (((collection[groupName] ??= [{}]) as Array<Record<string, unknown>>)[0])
			: ((collection[groupName] ??= {}) as Record<string, unknown>);
		entry[field.name] = fromAiExpression(key, field);
		keys.push(key);
		properties.push(field);
	}
	return { parameters, keys, properties };
}
