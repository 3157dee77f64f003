/**
 * Our node classes for plain `node -r ./scripts/register-ts.js`. The explicit `.ts` matters:
 * Node's resolver would otherwise pick the codex file `ShipEngine.node.json` first.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { ShipEngine } = require('../nodes/ShipEngine/ShipEngine.node.ts') as typeof import('../nodes/ShipEngine/ShipEngine.node');
