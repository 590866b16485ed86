// Plans are decided at meetings: meeting (agenda) code may call plan code,
// never the reverse, so the plan lifecycle stays its own room (no import cycle).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => (m[1] ?? m[2])!);

const inFolder = (file: string, folder: string): boolean => relative(src, file).split(sep).slice(0, -1).includes(folder);

test('no file under src/**/plan imports from src/**/agenda', () => {
  const planFiles = filesUnder(src).filter((f) => inFolder(f, 'plan'));
  expect(planFiles.length).toBeGreaterThan(5);
  const offending = planFiles.flatMap((file) => importsOf(file)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec))
    .filter((target) => inFolder(`${target}.ts`, 'agenda'))
    .map((target) => `${relative(root, file)} → ${relative(root, target)}`));
  expect(offending).toEqual([]);
});
