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
RUN npm run db:generate && npm prune --omit=dev

# Run: production dependencies only, as the unprivileged node user.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    DATABASE_URL="" \
    PRISMA_SCHEMA_ENGINE_BINARY=/bin/false
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# Applies pending migrations, then starts (polling, or webhook when WEBHOOK_URL is set).
CMD ["node", "--import", "tsx", "src/main.ts"]
