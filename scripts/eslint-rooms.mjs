/**
 * The house's import boundaries as one ESLint rule (`rooms/allowed-imports`). Each file belongs to a room, found
 * from its path; an import is allowed when its room is listed for the importer's room. Labs see only themselves,
 * so what two labs share has to move to `src/shared` or `src/core`. See CONTRIBUTING.md, "Rooms".
 */
import path from 'node:path';

const ROOT = process.cwd();

/** Room of a repository file: 'core', 'lab:<name>', 'shared', 'plots', 'worker', 'i18n', 'cli', … or null. */
export function roomOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const lab = /^src\/labs\/([^/]+)\//.exec(rel);
  if (lab) return `lab:${lab[1]}`;
  const src = /^src\/([^/]+)\//.exec(rel);
  if (src) return src[1];
  if (rel.startsWith('tests/')) return 'tests';
  return null;
}

/** Which rooms each room may import from (its own room is always allowed). */
export const ALLOWED = {
  core: [],
  plots: ['core'],
  worker: ['core'],
  i18n: ['core'],
  shared: ['core', 'plots', 'worker', 'i18n'],
  lab: ['core', 'shared', 'plots', 'worker', 'i18n'],
  // A page may show a lab alone (the Fit Lab's embed), as the prose pages show labs, in the site's styles.
  pages: ['core', 'shared', 'i18n', 'lab', 'styles'],
  integrations: [],
  overrides: ['i18n'],
  cli: ['core', 'worker', 'lab', 'i18n'],
  tests: ['core', 'shared', 'plots', 'worker', 'i18n', 'lab', 'integrations', 'pages', 'cli'],
};

/** Packages that draw or render; the core stays framework-free so Node and the browser run it alike. */
const UI_PACKAGES = /^(preact|astro|@astrojs\/|d3-)/;

function verdict(fromRoom, toRoom) {
  if (fromRoom === toRoom) return null;
  const kind = (room) => (room.startsWith('lab:') ? 'lab' : room);
  const allowed = ALLOWED[kind(fromRoom)];
  if (!allowed) return null;
  if (toRoom === 'cli' && fromRoom !== 'tests')
    return 'nothing imports src/cli: move what it defines next to its users';
  if (kind(fromRoom) === 'lab' && kind(toRoom) === 'lab')
    return `a lab never imports another lab (${fromRoom} → ${toRoom}): move what they share to src/shared or src/core`;
  if (!allowed.includes(kind(toRoom))) return `src/${fromRoom.replace('lab:', 'labs/')} may not import from ${toRoom}`;
  return null;
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Imports follow the rooms of the house' } },
  create(context) {
    const file = context.filename;
    const fromRoom = roomOf(file);
    if (!fromRoom) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.')) {
        if (fromRoom === 'core' && UI_PACKAGES.test(source))
          context.report({ node, message: `src/core stays free of UI packages (${source})` });
        return;
      }
      const toRoom = roomOf(path.resolve(path.dirname(file), source.split('?')[0]));
      if (!toRoom) return;
      const message = verdict(fromRoom, toRoom);
      if (message) context.report({ node, message });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'allowed-imports': rule } };
