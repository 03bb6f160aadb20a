// Dev-server proxy: the browser only ever talks to its own origin; /api and /auth go to the mock API.
// API_PROXY_TARGET lets the e2e suite point the app at its own API instance on a spare port.
const target = process.env.API_PROXY_TARGET ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;

export default {
  '/api': { target, secure: false, changeOrigin: false },
  '/auth': { target, secure: false, changeOrigin: false },
};
