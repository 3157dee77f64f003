/**
 * Lets plain `node` require the TypeScript test helpers and mocks (test/helpers, test/mock,
 * credentials/*.ts): each .ts file is transpiled on load with typescript.transpileModule
 * (no type checking; `npx tsc -p test/tsconfig.json` does that). Usage: node -r ./scripts/register-ts.js …
 */
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
	module: ts.ModuleKind.CommonJS,
	target: ts.ScriptTarget.ES2022,
	esModuleInterop: true,
	resolveJsonModule: true,
	sourceMap: false,
	inlineSourceMap: true,
};

require.extensions['.ts'] = function registerTs(module, filename) {
	const source = fs.readFileSync(filename, 'utf8');
	const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
	module._compile(outputText, filename);
};
