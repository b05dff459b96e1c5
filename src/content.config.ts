import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// The prose lives at the top level in `content/docs/{en,zh-cn}` (the design card), not in Starlight's default
// `src/content/docs`, so the docs collection uses a glob loader pointed there.
export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content/docs', pattern: '**/[^_]*.{md,mdx}' }),
    schema: docsSchema(),
  }),
};
