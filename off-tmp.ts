import { readFileSync } from 'node:fs';
import { parseArticle } from './shared/parse/index';
const [file, ...needles] = process.argv.slice(2);
const o = parseArticle(readFileSync(`/work/shared/data/bbc-news/${file}`), { key: `raw/${file!.split('/')[1]}` });
if (!o.ok) throw new Error('parse');
for (const n of needles) { const s = o.article.body.indexOf(n); console.log(s, s + n.length, n.slice(0, 30)); }
