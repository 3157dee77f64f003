const { src, dest, parallel } = require('gulp');

// Copies icons and other non-TypeScript assets into dist/ at the same relative paths
// (as @n8n/node-cli's build does). encoding: false keeps binary files intact under gulp 5.
const assets = (folder) =>
	function copyAssets() {
		return src(`${folder}/**/*.{png,svg,json}`, { base: '.', encoding: false, allowEmpty: true }).pipe(dest('dist'));
	};

exports['build:icons'] = parallel(assets('icons'), assets('nodes'), assets('credentials'));
