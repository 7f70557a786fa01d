# Coalesce: API + built web app in one image.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/api/package.json apps/api/package.json
COPY apps/web/package.json apps/web/package.json
COPY libs/domain/package.json libs/domain/package.json
COPY libs/protocol/package.json libs/protocol/package.json
COPY libs/collab-client/package.json libs/collab-client/package.json
COPY libs/rich-text/package.json libs/rich-text/package.json
COPY libs/case-map/package.json libs/case-map/package.json
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --output-style=static && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/libs libs
COPY --from=build /app/apps/api/package.json apps/api/package.json
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD node -e "fetch('http://127.0.0.1:3000/api/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# node runs as PID 1 in exec form and gets SIGTERM itself: it drains and exits 0 (see README, Scaling out).
CMD ["node", "apps/api/dist/main.js"]
