# syntax=docker/dockerfile:1
# opsctl in a container: the entrypoint is `opsctl`, so the arguments are its command line.
#
#   docker build -t opsctl .                                        # extras server,celery,postgres
#   docker build -t opsctl --build-arg EXTRAS=server,celery,postgres,aws --build-arg APT_PACKAGES=git .
#   docker run --rm -v "$PWD:/work:ro" -v opsctl-state:/var/lib/opsctl opsctl list
#   docker run --rm -v "$PWD:/work:ro" -v opsctl-state:/var/lib/opsctl opsctl NAME --dry-run --format json
#
# The project (opsctl.toml and its automations) is mounted at /work, the working directory, where
# opsctl finds its opsctl.toml. The state directory (OPSCTL_STATE_DIR: the embedded SQLite store
# when no store_url is set, the plan-signing key when no plan_signing_key is set) is the volume
# /var/lib/opsctl. compose.yaml runs serve, worker and scheduler on PostgreSQL and Redis.

ARG PYTHON_VERSION=3.12

FROM python:${PYTHON_VERSION}-slim-bookworm AS build
# Extras of opsctl to install: server (opsctl serve), celery (opsctl worker), postgres (a shared
# store), aws (boto3 for AWS automations). Empty: the CLI alone.
ARG EXTRAS=server,celery,postgres
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/opsctl
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY src ./src
RUN spec=.; if [ -n "$EXTRAS" ]; then spec=".[$EXTRAS]"; fi \
    && /opt/opsctl/bin/pip install "$spec" \
    && /opt/opsctl/bin/opsctl --version

FROM python:${PYTHON_VERSION}-slim-bookworm
# Debian packages the automations call (e.g. git for release-tag), space-separated.
ARG APT_PACKAGES=""
# The user opsctl runs as; match the owner of a bind-mounted state directory if you use one.
ARG USER_ID=10001
ARG GROUP_ID=10001
RUN if [ -n "$APT_PACKAGES" ]; then \
        apt-get update \
        && apt-get install -y --no-install-recommends $APT_PACKAGES \
        && rm -rf /var/lib/apt/lists/*; \
    fi \
    && groupadd --system --gid "$GROUP_ID" opsctl \
    && useradd --system --uid "$USER_ID" --gid opsctl --home-dir /home/opsctl --create-home \
        --shell /usr/sbin/nologin opsctl \
    && install -d -o opsctl -g opsctl -m 0700 /var/lib/opsctl \
    && install -d -o opsctl -g opsctl -m 0755 /work
COPY --from=build /opt/opsctl /opt/opsctl
ENV PATH=/opt/opsctl/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    OPSCTL_STATE_DIR=/var/lib/opsctl
WORKDIR /work
# A named volume starts as a copy of this directory: owned by opsctl, mode 0700.
VOLUME ["/var/lib/opsctl"]
USER ${USER_ID}:${GROUP_ID}
EXPOSE 8400
# For `serve` on its default port: the process is up (compose.yaml asks /readyz: store reachable
# and migrated). Containers of other commands replace it (compose.yaml) or run
# with --no-healthcheck; with TLS (server.tls_cert) ask https:// instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as r; r.urlopen('http://127.0.0.1:8400/healthz', timeout=4)"]
ENTRYPOINT ["opsctl"]
CMD ["--help"]
