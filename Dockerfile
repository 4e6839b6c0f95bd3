# The call gateway (docs/gateway.md "Docker"). Build: docker build -t og-gateway .
# Not built on the project's build VM (it has no Docker): gatewayDockerfile.test.ts checks this
# file against the gateway's flags and runs the bundle it builds.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# The console's Electron binary is not needed to build the gateway.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
# No scripts: `prepare` builds the console's report CLI, which the gateway does not use.
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.node.json ./
COPY src ./src
RUN npm run build:gateway && npm prune --omit=dev --ignore-scripts

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/out/gateway ./out/gateway
COPY resources ./resources
RUN useradd --system --uid 10001 --create-home --home-dir /var/lib/og-gateway og-gateway
USER og-gateway
VOLUME /var/lib/og-gateway
EXPOSE 8788
# A stop hands the calls over (docs/gateway.md "Rolling restart"): give it longer than
# --drain-timeout before the kill (docker stop -t 330, Compose stop_grace_period: 330s).
STOPSIGNAL SIGTERM
# 503 while draining: the container reads unhealthy while it hands its calls over.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8788/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Secrets are mounted files (docker secrets, Kubernetes secret volumes), never environment.
# The deployment's own flags follow the image name: --team-db URL, --team-db-password-file
# /run/secrets/db-password, --instance NAME, --transfer-uri sip:… (a flag given twice: the last).
ENTRYPOINT ["node", "out/gateway/gateway.mjs", "--port", "8788", "--host", "0.0.0.0", "--realtime-base-url", "https://api.openai.com", "--api-key-file", "/run/secrets/api-key", "--webhook-secret-file", "/run/secrets/webhook-secret", "--data-dir", "/var/lib/og-gateway"]
