/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The WeChat Pay client runs on Node's own HTTP stack; keep it out of the server bundle.
  serverExternalPackages: ['undici', 'pino'],
};

module.exports = nextConfig;
