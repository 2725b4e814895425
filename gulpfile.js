const { src, dest } = require('gulp');

// tsc emits only JavaScript: icons and the codex (.node.json) files travel to dist/ here.
function buildIcons() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
