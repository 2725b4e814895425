const { src, dest } = require('gulp');

// `n8n-node build` compiles with tsc and copies every icon (png/svg) into dist/; n8n's codex files
// (*.node.json: categories, aliases and the documentation links the editor shows) travel to dist/ here.
function buildCodex() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports['build:codex'] = buildCodex;
