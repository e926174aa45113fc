import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// Pages get a per-request policy with a nonce from the proxy; API responses (JSON, Auth.js's own
// small pages) run no script at all.
const apiContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly from its own package folder, so it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Receipts go up to 8 MB (dispute evidence to 5 MB) through server actions: 12 MB lets a 10 MB receipt
  // reach our own check, which refuses it in words.
  // The proxy buffers a request's body too, and by default cuts it at 10 MB: the same 12 MB here.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "12mb" }, proxyClientMaxBodySize: "12mb" },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
    ];
  },
};

export default nextConfig;
