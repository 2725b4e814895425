// Assembles what dist/ needs beyond `n8n-node build` (tsc, then every png/svg icon): n8n's codex files, *.node.json.
const { src, dest } = require('gulp');

// The codex (categories, aliases and the documentation links the editor shows) sits beside each node's source;
// n8n reads it from dist/ next to the compiled node.
function buildCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:codex'] = buildCodex;
