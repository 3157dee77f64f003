// Removes dist/ before a build so deleted sources never linger in the package.
require('node:fs').rmSync(require('node:path').join(__dirname, '..', 'dist'), { recursive: true, force: true });
