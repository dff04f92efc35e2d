# syntax=docker/dockerfile:1
# Build: install every dependency and generate the Prisma client (offline: no engine download).
FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts* ./
RUN npm ci --no-audit --no-fund
COPY . .
# The Prisma CLI (and its Studio, React, effect) only generates the client: ~170 MB the running
# bot never loads (migrations use @prisma/schema-engine-wasm).
RUN npm run db:generate && npm prune --omit=dev \
 && rm -rf node_modules/prisma node_modules/.bin/prisma node_modules/@prisma/studio-core \
      node_modules/@prisma/dev node_modules/@prisma/config node_modules/effect \
      node_modules/react node_modules/react-dom node_modules/@radix-ui

# Run: production dependencies only, as the unprivileged node user.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    DATABASE_URL="" \
    HTTP_PORT=8080 \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# /healthz, /readyz and /metrics: HTTP_PORT in polling mode, PORT (default 8080) with a webhook.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.WEBHOOK_URL ? process.env.PORT || 8080 : process.env.HTTP_PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Applies pending migrations, then starts (polling, or webhook when WEBHOOK_URL is set).
CMD ["node", "--import", "tsx", "src/main.ts"]
