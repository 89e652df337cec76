# One image for every app of the distributed deployment (docker-compose.yml picks the entry
# point per service). The TypeScript runs through @swc-node/register, as `npm start` does,
# so there is no build step; `typescript` stays installed because the register reads
# tsconfig.json (paths for @poc/*) with it.
#
#   docker build -t poc-incident-tracking:local .
#   docker run --rm -p 127.0.0.1:3000:3000 poc-incident-tracking:local   # the embedded all-in-one
#
# Suggested .dockerignore next to it: node_modules, .git, .tmp, data, dist, coverage,
# infra/kafka/target (only the files copied below are used either way).
FROM node:20-bookworm

WORKDIR /app
ENV SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# Dependencies first, so that code changes do not reinstall them. better-sqlite3 builds from
# source if no prebuilt binary fits (the full node image has python3, make and g++).
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force

COPY tsconfig.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000

HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

CMD ["node", "-r", "@swc-node/register", "apps/all-in-one/src/main.ts"]
