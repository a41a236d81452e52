# monitor as a container: the daemon by default; mount config/ and a volume for data/.
# compose.yaml beside this file runs it with metrics; `make check` lints this file (hadolint).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 TZ=Asia/Shanghai
WORKDIR /app

COPY pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir . && useradd --create-home --uid 1000 monitor \
    && mkdir -p /app/data && chown monitor /app/data
COPY config ./config

USER 1000:1000
VOLUME ["/app/data"]
# Prometheus /metrics and /healthz when run with --metrics-port 9108 (as compose.yaml does).
EXPOSE 9108
# Unhealthy when no source has polled successfully for 6 h: one outlet down is `degraded` (said, exit 0).
HEALTHCHECK --interval=10m --timeout=30s CMD ["monitor", "health", "--stale-after", "6h", "--degraded-ok"]
ENTRYPOINT ["monitor"]
CMD ["-v", "run"]
