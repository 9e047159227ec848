import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const useNode = process.env.ADAPTER === 'node';
const precompress = process.env.PRECOMPRESS === '1';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // A fixed version name: with kit's default (Date.now() per process) a vitest run
    // beside `vite build` rewrites the generated version hash and ships a blank page
    // (shared/spec/toolchain.md §10 P3).
    version: { name: process.env.APP_VERSION ?? 'dev' },
    adapter: useNode
      ? adapterNode({ out: 'build-node', precompress })
      : // Not strict: the /portal pages exist only in the node build and are left out here.
        adapterStatic({ pages: 'build', assets: 'build', precompress, strict: false }),
  },
};
