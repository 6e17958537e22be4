/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The chart files are read from chart-template/ by the server component at build time.
  outputFileTracingIncludes: { '/': ['./chart-template/**/*'] },
  // NEXT_DIST_DIR lets a second build run beside the default one (several builds share this tree).
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

module.exports = nextConfig;
