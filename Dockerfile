# The asynclab service image (api and worker). The sandbox image is separate: build it on the
# Docker host with `npm run sandbox:build`; the worker starts its containers through the socket.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/generated ./generated
COPY package.json nest-cli.json ./
COPY scripts/run-dist.js ./scripts/run-dist.js
COPY prisma ./prisma
COPY labs ./labs
COPY sandboxes/python/asynclab_harness/version.py ./sandboxes/python/asynclab_harness/version.py
EXPOSE 3000
CMD ["node", "scripts/run-dist.js", "apps/server/src/main.js"]
