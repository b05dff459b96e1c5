// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import contentSecurityPolicy from './src/integrations/csp.ts';
import katexFontPreload from './src/integrations/katex-preload.ts';
import ogImages from './src/integrations/og-images.ts';
import rehypeFocusableScrollers from './src/integrations/rehype-focusable-scrollers.ts';

// Deploy under a sub-path with `BASE=/x/ SITE=https://host npm run build`.
const base = process.env.BASE ?? '/';
const site = process.env.SITE ?? 'http://127.0.0.1:4321';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Minified chunks keep every licence notice once, at the end of the file, instead of one copy per bundled
  // module (tfjs repeats its Apache header ~270 times): −4.7 kB gzip in the training worker alone.
  vite: {
    esbuild: { legalComments: 'eof' },
    // ES-module workers, so the training worker can load the wasm backend only for the jobs it pays off for.
    worker: { format: 'es' },
    resolve: {
      // tfjs-backend-wasm bundles its multi-threaded loader whether or not it can run; this site never uses it.
      alias: [
        {
          find: /^\.\.\/wasm-out\/tfjs-backend-wasm-threaded-simd(\.worker)?\.js$/,
          replacement: fileURLToPath(new URL('./src/worker/no-wasm-threads.ts', import.meta.url)),
        },
      ],
    },
  },
  markdown: {
    remarkPlugins: [remarkMath],
    // KaTeX's HTML for sighted readers plus MathML for screen readers.
    rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }], rehypeFocusableScrollers],
  },
  integrations: [
    starlight({
      title: { en: 'Activations, Intuitively', 'zh-CN': '直观理解激活函数' },
      description: 'Train tiny neural networks in your browser and watch what each activation function contributes.',
      defaultLocale: 'en',
      locales: {
        en: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      favicon: '/favicon.svg',
      customCss: ['katex/dist/katex.min.css', './src/styles/site.css'],
      disable404Route: true,
      // Pagefind's UI is built when search opens or on idle with a deadline (Starlight's waits for idle alone).
      // Head adds each page's preview image (og:image), which the og-images integration draws after the build.
      components: { Search: './src/overrides/Search.astro', Head: './src/overrides/Head.astro' },
      // Long code lines wrap instead of making unnamed scrolling regions.
      expressiveCode: { defaultProps: { wrap: true } },
      sidebar: [
        { slug: 'index', label: 'Overview', translations: { 'zh-CN': '概览' } },
        { slug: 'activations', label: 'The functions', translations: { 'zh-CN': '常见激活函数' } },
        { slug: 'experiment', label: 'The experiment', translations: { 'zh-CN': '拟合实验' } },
        { slug: 'fitting-units', label: 'Minimal fitting units', translations: { 'zh-CN': '最小拟合单元' } },
        { slug: 'dead-relu', label: 'Dead ReLU neurons', translations: { 'zh-CN': 'ReLU 神经元死亡' } },
        { slug: 'one-neuron', label: 'One neuron or two', translations: { 'zh-CN': '一个神经元还是两个' } },
        { slug: 'many-seeds', label: 'Many random seeds', translations: { 'zh-CN': '大量随机种子' } },
        { slug: 'code', label: 'The code', translations: { 'zh-CN': '代码' } },
        { slug: 'further', label: 'Going further', translations: { 'zh-CN': '更进一步' } },
        { slug: 'challenges', label: 'Challenges', translations: { 'zh-CN': '挑战' } },
        { slug: 'summary', label: 'Summary', translations: { 'zh-CN': '总结' } },
        { slug: 'glossary', label: 'Glossary', translations: { 'zh-CN': '术语表' } },
        { slug: 'references', label: 'References', translations: { 'zh-CN': '参考文献' } },
      ],
    }),
    // Starlight's own sitemap, plus a filter: the embed pages (the Fit Lab alone, for iframes) say noindex.
    sitemap({
      filter: (page) => !new URL(page).pathname.includes('/embed/'),
      i18n: { defaultLocale: 'en', locales: { en: 'en', 'zh-cn': 'zh-CN' } },
    }),
    // Preact's Vite preset runs Babel over every matching source file; only JSX needs it (esbuild strips the types
    // of plain .ts), so the components are the only files it sees: the same output for ~2.7 s less CPU a build.
    preact({ include: [/\.tsx$/] }),
    katexFontPreload(),
    ogImages(),
    // Last, so that it hashes the final HTML (after Pagefind and the sitemap have run).
    contentSecurityPolicy(),
  ],
});
