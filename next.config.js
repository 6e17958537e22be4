/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The chart files are read from chart-template/ by the server component at build time.
  outputFileTracingIncludes: { '/': ['./chart-template/**/*'] },
};

module.exports = nextConfig;
