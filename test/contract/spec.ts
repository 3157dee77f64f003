/**
 * Loads the two official API descriptions and turns them into plain JSON Schema that ajv can
 * compile, once per spec version: the result is cached as JSON under node_modules/.cache, keyed
 * by the spec file's content and this loader's own source, so each jest worker only reads JSON.
 *
 * OpenAPI 3.0 is not JSON Schema. The transforms, in order:
 * 1. `$ref`s to `#/components/{parameters,responses,requestBodies,headers}` are inlined (schema
 *    `$ref`s stay, ajv resolves them inside the document).
 * 2. Known typos of the published files are repaired (`type: "string,"`, `min_length`, a stray
 *    `errors: null`; see the spec README) and the explicit patches from allowList.ts applied.
 * 3. `allOf` of object schemas is merged into one object schema. Needed because ShipEngine closes
 *    most objects with `additionalProperties: false` and then composes them (`shipping_address`
 *    = address + partial_shipping_address); ajv would reject every property of the other member.
 *    An `oneOf`/`anyOf` whose object branches have no `required` at all cannot tell its branches
 *    apart (every object matches each of them), so its branch properties become optional
 *    properties of the parent instead (each still checked by its own schema), and a `oneOf` between
 *    open (not closed) objects is checked as `anyOf`, since such variants always overlap.
 * 4. `nullable: true` becomes a `null` type (ajv's own support needs `type` beside it), and the
 *    boolean `exclusiveMinimum`/`exclusiveMaximum` of OpenAPI 3.0 become JSON Schema 7 numbers.
 * 5. Two variants: in the request variant `readOnly` properties are not required, in the response
 *    variant `writeOnly` ones are not (OpenAPI 3.0 semantics).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { parse as parseYaml } from 'yaml';

import { SCHEMA_PATCHES } from './allowList';

export type ApiName = 'ShipEngine' | 'SERA';
export type Variant = 'request' | 'response';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SPEC_FILES: Record<ApiName, string> = {
	ShipEngine: 'shipengine-openapi.yaml',
	SERA: 'sera-openapi.json',
};

/** The vendored copies in test/contract/specs (a fresh clone has no ../shared); CONTRACT_SPEC_DIR overrides. */
export function specDirectory(): string {
	return process.env.CONTRACT_SPEC_DIR ?? path.join(__dirname, 'specs');
}

export interface PreparedSpec {
	api: ApiName;
	/** info.version of the source document. */
	version: string;
	request: Json;
	response: Json;
}

const memory = new Map<ApiName, PreparedSpec>();

export function loadSpec(api: ApiName): PreparedSpec {
	const cached = memory.get(api);
	if (cached) return cached;
	const file = path.join(specDirectory(), SPEC_FILES[api]);
	const source = readFileSync(file, 'utf8');
	const key = createHash('sha1')
		.update(source)
		.update(readFileSync(__filename, 'utf8'))
		.update(readFileSync(path.join(__dirname, 'allowList.ts'), 'utf8'))
		.digest('hex')
		.slice(0, 16);
	const cacheDir = path.resolve(__dirname, '../../node_modules/.cache/contract-specs');
	const cacheFile = path.join(cacheDir, `${api}-${key}.json`);
	let prepared: PreparedSpec | undefined;
	if (existsSync(cacheFile)) {
		try {
			prepared = JSON.parse(readFileSync(cacheFile, 'utf8')) as PreparedSpec;
		} catch {
			prepared = undefined; // a half-written file from a crashed run: rebuild it
		}
	}
	if (!prepared) {
		const raw = (file.endsWith('.json') ? JSON.parse(source) : parseYaml(source)) as Json;
		prepared = prepareSpec(api, raw);
		try {
			mkdirSync(cacheDir, { recursive: true });
			const temporary = `${cacheFile}.${process.pid}.tmp`;
			writeFileSync(temporary, JSON.stringify(prepared));
			renameSync(temporary, cacheFile); // atomic: parallel workers never read half a file
			for (const stale of readdirSync(cacheDir)) {
				if (stale.startsWith(`${api}-`) && stale.endsWith('.json') && path.join(cacheDir, stale) !== cacheFile) {
					rmSync(path.join(cacheDir, stale), { force: true });
				}
			}
		} catch {
			// read-only tree: fine, this process keeps its own copy
		}
	}
	memory.set(api, prepared);
	return prepared;
}

export function prepareSpec(api: ApiName, raw: Json): PreparedSpec {
	const doc = structuredClone(raw);
	inlineComponentRefs(doc);
	repairTypos(doc);
	for (const patch of SCHEMA_PATCHES.filter((entry) => entry.api === api)) {
		const target = getPointer(doc, patch.pointer);
		if (!target) throw new Error(`contract: schema patch target ${patch.pointer} is missing in the ${api} spec`);
		patch.apply(target);
	}
	mergeCompositions(doc);
	forEachSchema(doc, convertExclusiveBounds);
	forEachSchema(doc, convertNullable);
	const request = structuredClone(doc);
	const response = doc;
	forEachSchema(request, (schema) => dropRequired(request, schema, 'readOnly'));
	forEachSchema(response, (schema) => dropRequired(response, schema, 'writeOnly'));
	return { api, version: String(raw.info?.version ?? '?'), request, response };
}

export function getPointer(doc: Json, pointer: string): Json | undefined {
	let node: unknown = doc;
	for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
		const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
		if (!node || typeof node !== 'object') return undefined;
		node = (node as Json)[key];
	}
	return node as Json | undefined;
}

export function pointerOf(parts: string[]): string {
	return '#/' + parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function inlineComponentRefs(doc: Json): void {
	const seen = new Set<unknown>();
	const visit = (node: unknown): unknown => {
		if (Array.isArray(node)) return node.map(visit);
		if (!isObject(node)) return node;
		const ref = node.$ref;
		if (typeof ref === 'string' && /^#\/components\/(parameters|responses|requestBodies|headers)\//.test(ref)) {
			const target = getPointer(doc, ref);
			if (!target) throw new Error(`contract: unresolved ${ref}`);
			return visit(structuredClone(target));
		}
		if (seen.has(node)) return node;
		seen.add(node);
		for (const [key, value] of Object.entries(node)) node[key] = visit(value);
		return node;
	};
	visit(doc.paths);
}

function repairTypos(doc: Json): void {
	forEachSchema(doc, (schema) => {
		if (typeof schema.type === 'string' && schema.type.endsWith(',')) schema.type = schema.type.slice(0, -1);
		if ('min_length' in schema) {
			schema.minLength = schema.min_length;
			delete schema.min_length;
		}
		if (schema.errors === null) delete schema.errors;
	});
}

/** Calls fn on every schema object of the document (components and operations), parents first. */
export function forEachSchema(doc: Json, fn: (schema: Json) => void): void {
	const seen = new Set<Json>();
	const visitSchema = (schema: unknown): void => {
		if (!isObject(schema) || seen.has(schema)) return;
		seen.add(schema);
		fn(schema);
		if (isObject(schema.properties)) Object.values(schema.properties).forEach(visitSchema);
		if (isObject(schema.additionalProperties)) visitSchema(schema.additionalProperties);
		if (schema.items) visitSchema(schema.items);
		if (schema.not) visitSchema(schema.not);
		for (const key of ['allOf', 'oneOf', 'anyOf']) if (Array.isArray(schema[key])) schema[key].forEach(visitSchema);
	};
	const visitContent = (content: unknown) => {
		if (isObject(content)) Object.values(content).forEach((media) => isObject(media) && visitSchema(media.schema));
	};
	Object.values(doc.components?.schemas ?? {}).forEach(visitSchema);
	for (const item of Object.values(doc.paths ?? {}) as Json[]) {
		for (const operation of [item, ...Object.values(item).filter(isObject)]) {
			if (Array.isArray(operation.parameters)) operation.parameters.forEach((p: Json) => visitSchema(p?.schema));
			if (isObject(operation.requestBody)) visitContent(operation.requestBody.content);
			if (isObject(operation.responses)) {
				for (const response of Object.values(operation.responses)) if (isObject(response)) visitContent(response.content);
			}
		}
	}
}

function resolve(doc: Json, schema: Json): Json {
	let current = schema;
	for (let depth = 0; typeof current.$ref === 'string' && depth < 20; depth++) {
		const target = getPointer(doc, current.$ref);
		if (!target) throw new Error(`contract: unresolved ${current.$ref}`);
		current = target;
	}
	return current;
}

const isObjectSchema = (schema: Json) =>
	(schema.type === 'object' || isObject(schema.properties)) && !schema.oneOf && !schema.anyOf && !schema.not;

/** The members of an allOf, resolved and themselves flattened. */
function flatten(doc: Json, schema: Json, depth = 0): Json[] | undefined {
	if (depth > 10) return undefined;
	const members: Json[] = [];
	for (const member of schema.allOf as Json[]) {
		const resolved = resolve(doc, member);
		if (Array.isArray(resolved.allOf)) {
			const nested = flatten(doc, resolved, depth + 1);
			if (!nested) return undefined;
			members.push(...nested);
			const { allOf: _allOf, ...own } = resolved;
			if (isObject(own.properties) || own.additionalProperties === false || own.required) members.push(own);
		} else if (isObjectSchema(resolved)) {
			members.push(resolved);
		} else {
			return undefined; // a scalar or a union: leave this allOf to ajv
		}
	}
	return members;
}

function mergeCompositions(doc: Json): void {
	forEachSchema(doc, (schema) => {
		if (Array.isArray(schema.allOf) && (schema.allOf.length > 1 || isObject(schema.properties) || schema.type === 'object')) {
			const members = flatten(doc, schema);
			if (members) {
				const properties: Json = {};
				const required = new Set<string>(schema.required ?? []);
				let closed = schema.additionalProperties === false;
				for (const member of members) {
					for (const [name, property] of Object.entries(member.properties ?? {})) {
						properties[name] = name in properties ? { allOf: [properties[name], property] } : structuredClone(property);
					}
					(member.required ?? []).forEach((name: string) => required.add(name));
					if (member.additionalProperties === false) closed = true;
				}
				Object.assign(properties, schema.properties ?? {});
				delete schema.allOf;
				schema.type = 'object';
				schema.properties = properties;
				if (required.size) schema.required = [...required];
				if (closed) schema.additionalProperties = false;
			}
		}
		for (const key of ['oneOf', 'anyOf']) {
			const branches = Array.isArray(schema[key]) ? (schema[key] as Json[]).map((b) => resolve(doc, b)) : undefined;
			if (!branches || !branches.every((b) => isObjectSchema(b) && !b.required?.length && !b.allOf)) continue;
			schema.properties = { ...Object.assign({}, ...branches.map((b) => structuredClone(b.properties ?? {}))), ...(schema.properties ?? {}) };
			schema.type = 'object';
			delete schema[key];
		}
		// oneOf between open objects cannot be exclusive (a body for one variant also matches another that
		// requires less, e.g. SERA's ManifestByAddress vs ManifestByLabelIds): check it as anyOf.
		if (Array.isArray(schema.oneOf)) {
			const branches = (schema.oneOf as Json[]).map((b) => resolve(doc, b));
			if (branches.every((b) => isObjectSchema(b) && b.additionalProperties !== false)) {
				// A variant whose required properties are all present must hold (so {label_ids: 'x'} still fails).
				// Only properties no other variant requires can pick a variant (grant_type is in both token bodies).
				const requiredBy = branches.map((b) => (b.required ?? []) as string[]);
				const guards = (schema.oneOf as Json[])
					.map((branch, i) => ({
						branch,
						required: requiredBy[i].filter((name) => requiredBy.every((other, j) => j === i || !other.includes(name))),
					}))
					.filter(({ required }) => required.length)
					.map(({ branch, required }) => ({ if: { required }, then: branch }));
				schema.anyOf = schema.oneOf;
				delete schema.oneOf;
				if (guards.length) schema.allOf = [...(schema.allOf ?? []), ...guards];
			}
		}
		// A closed object with a union: the union's branch properties are allowed too (the branch checks them).
		if (schema.additionalProperties === false && Array.isArray(schema.oneOf ?? schema.anyOf)) {
			schema.properties ??= {};
			for (const branch of (schema.oneOf ?? schema.anyOf) as Json[]) {
				for (const name of propertyNames(doc, branch)) schema.properties[name] ??= true;
			}
		}
	});
}

/** OpenAPI 3.0 (draft 4) writes `exclusiveMinimum: true` beside `minimum`; JSON Schema 7 wants the number. */
/** Every property name a schema can validate, through refs and compositions. */
function propertyNames(doc: Json, schema: Json, depth = 0): string[] {
	const resolved = resolve(doc, schema);
	if (depth > 10) return [];
	const nested = ['allOf', 'oneOf', 'anyOf'].flatMap((key) =>
		Array.isArray(resolved[key]) ? (resolved[key] as Json[]).flatMap((member) => propertyNames(doc, member, depth + 1)) : [],
	);
	return [...Object.keys(resolved.properties ?? {}), ...nested];
}

function convertExclusiveBounds(schema: Json): void {
	for (const [flag, bound] of [
		['exclusiveMinimum', 'minimum'],
		['exclusiveMaximum', 'maximum'],
	]) {
		if (typeof schema[flag] !== 'boolean') continue;
		if (schema[flag] && typeof schema[bound] === 'number') {
			schema[flag] = schema[bound];
			delete schema[bound];
		} else {
			delete schema[flag];
		}
	}
}

function convertNullable(schema: Json): void {
	if (schema.nullable !== true) {
		delete schema.nullable;
		return;
	}
	delete schema.nullable;
	if (typeof schema.type === 'string') {
		schema.type = [schema.type, 'null'];
		if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
		return;
	}
	const inner: Json = {};
	for (const key of Object.keys(schema)) {
		if (['description', 'title', 'example', 'default', 'readOnly', 'writeOnly', 'deprecated'].includes(key)) continue;
		inner[key] = schema[key];
		delete schema[key];
	}
	schema.anyOf = [{ type: 'null' }, inner];
}

function dropRequired(doc: Json, schema: Json, flag: 'readOnly' | 'writeOnly'): void {
	if (!Array.isArray(schema.required) || !isObject(schema.properties)) return;
	const hasFlag = (property: unknown): boolean => {
		if (!isObject(property)) return false;
		if (property[flag] === true) return true;
		if (typeof property.$ref === 'string') return hasFlag(resolve(doc, property));
		return Array.isArray(property.allOf) && property.allOf.length === 1 && hasFlag(property.allOf[0]);
	};
	schema.required = schema.required.filter((name: string) => !hasFlag(schema.properties[name]));
	if (!schema.required.length) delete schema.required;
}
