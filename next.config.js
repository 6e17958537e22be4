/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The chart files are read from chart-template/ by the server component at build time.
  outputFileTracingIncludes: { '/': ['./chart-template/**/*'] },
  // NEXT_DIST_DIR lets a second build run beside the default one (several builds share this tree).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Cross-origin isolation lets the page share memory with its render worker (SharedArrayBuffer), so a
  // render result can be taken at the start of the keystroke's own frame (components/preview/result-slot.ts).
  // Everything the studio loads is its own, so requiring CORP of embedded resources costs nothing.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
