#!/usr/bin/env bash
# disk-janitor.sh — keep the local-dev Docker disk footprint bounded.
#
# Tilt's built-in pruner can't be relied on for this: it has silent failure
# modes (a Docker hiccup at `tilt up` disables it for the whole session, and
# every per-image skip is Debug-level only). Left alone, tilt-built images
# and build cache grow by several GB per app rebuild.
#
# This janitor enforces a retention policy instead of reacting to low disk.
# Retention (keep the newest N tags) is safe to run at any moment — unlike a
# wipe, it can never delete an image something is about to need. It runs as
# a Tilt serve_cmd resource, so it is alive exactly when builds (the only
# source of growth) can happen.
#
#   1. Local Docker daemon: keep the newest N tilt-built tags per repo
#      (localhost:5001/*); remove older ones. Never touches other images.
#   2. Docker build cache: prune down to a size cap, least-recently-used
#      first. NOTE: the BuildKit cache is one daemon-wide pool shared with
#      everything else you build on this machine, so this is the one step
#      whose effect is not scoped to local-dev (the cost is only rebuild
#      speed, never correctness). Set the cap to 0 to opt out and manage the
#      pool yourself (e.g. daemon builder.gc config).
#   3. k3d registry: remove repo directories that hold no manifest — the one
#      case zot's own GC provably cannot reclaim (see prune_orphan_repos).
#
# Everything else in the registry, and the k3s node containerd stores, clean
# themselves and are intentionally NOT handled here:
#   - k3d registry: zot enforces retention + GC declaratively for every repo
#     it has metadata for (local-dev/cluster/zot-config.json).
#   - k3s node containerd stores: kubelet's image GC owns those (thresholds
#     in local-dev/cluster/k3d-config.yaml).
#
# Knobs (wired from tilt_config.json / env by the root Tiltfile):
#   JANITOR_KEEP_TAGS          newest tags kept per repo (default 3)
#   JANITOR_BUILDCACHE_MAX_GB  build-cache cap in GB; empty = 10% of total
#                              disk; 0 = leave the build cache alone
#   JANITOR_INTERVAL_SECS      loop interval (default 1800); 0 = single pass
#
# Usage: ./local-dev/scripts/disk-janitor.sh   (or let Tilt run it)

set -uo pipefail

KEEP_TAGS="${JANITOR_KEEP_TAGS:-3}"
INTERVAL="${JANITOR_INTERVAL_SECS:-1800}"

ts() { date "+%Y-%m-%d %H:%M:%S"; }
log() { echo "[$(ts)] $*"; }

# Non-numeric knobs would misbehave quietly (a bad INTERVAL makes `sleep`
# fail and the loop spin hot) — fall back to defaults loudly instead.
if [[ ! "$KEEP_TAGS" =~ ^[0-9]+$ ]]; then
    log "invalid JANITOR_KEEP_TAGS='${KEEP_TAGS}' — using 3"
    KEEP_TAGS=3
fi
if [[ ! "$INTERVAL" =~ ^[0-9]+$ ]]; then
    log "invalid JANITOR_INTERVAL_SECS='${INTERVAL}' — using 1800"
    INTERVAL=1800
fi

# ---------------------------------------------------------------------------
# 1. Local daemon: keep newest KEEP_TAGS tags per localhost:5001/* repo.
# CreatedAt is formatted client-side in the local zone, where lexical sort
# breaks during the DST fall-back hour — TZ=UTC pins it to a sortable format
# ("2026-07-23 15:17:42 +0000 UTC").
# `docker rmi` without --force fails (tolerated) on anything still in use.
# ---------------------------------------------------------------------------
prune_local_tags() {
    local removed=0 ref
    while IFS= read -r ref; do
        [[ -z "$ref" ]] && continue
        if docker rmi "$ref" >/dev/null 2>&1; then
            removed=$((removed + 1))
        else
            log "  kept $ref (in use or remove failed)"
        fi
    done < <(
        TZ=UTC docker images --filter reference='localhost:5001/*' \
            --format '{{.CreatedAt}}\t{{.Repository}}\t{{.Tag}}' 2>/dev/null \
            | sort -r \
            | awk -F'\t' -v keep="$KEEP_TAGS" '{ if (++seen[$2] > keep) print $2 ":" $3 }'
    )
    (( removed > 0 )) && log "local daemon: removed $removed old tilt tag(s)"
}

# ---------------------------------------------------------------------------
# 2. Build cache: cap the daemon-wide BuildKit pool, LRU eviction.
# ---------------------------------------------------------------------------
prune_build_cache() {
    local cap="${JANITOR_BUILDCACHE_MAX_GB:-}"
    if [[ -n "$cap" && ! "$cap" =~ ^[0-9]+$ ]]; then
        log "invalid JANITOR_BUILDCACHE_MAX_GB='${cap}' — skipping build-cache prune"
        return 0
    fi
    if [[ -z "$cap" ]]; then
        local total_gb
        total_gb="$(df -k / 2>/dev/null | awk 'NR==2 {print int($2/1048576)}')"
        [[ -z "$total_gb" || "$total_gb" -eq 0 ]] && return 0
        cap=$((total_gb / 10))
    fi
    [[ "$cap" == "0" ]] && return 0

    # --max-used-space (buildx >= 0.18, needs BuildKit >= 0.17) is the newer
    # total-size cap; older tooling spells it --keep-storage (since
    # deprecated in favor of --reserved-space). Both accept "<N>gb".
    local flag="--keep-storage"
    docker builder prune --help 2>&1 | grep -q -- --max-used-space && flag="--max-used-space"
    docker builder prune -f "$flag" "${cap}gb" >/dev/null 2>&1 \
        || log "build cache: prune failed"
}

# ---------------------------------------------------------------------------
# 3. Registry: drop repo directories that contain no manifest.
#
# zot's retention/GC is driven by its metadata DB, but the GC scheduler walks
# the storage directory — so it enqueues a task for every repo dir on disk and
# then fails the ones metadata has never heard of:
#
#   "failed to run GC for /var/lib/zot/<repo>"
#   error: "repo metadata not found for given repo name"
#
# A repo lands in that state when layer uploads succeed but the manifest PUT
# that would register it never happens — any interrupted push (Ctrl-C, a
# cancelled Tilt build, a push that times out). The completed layers are left
# behind as blobs that are unreachable (no manifest refers to them) and
# permanently un-collectable (GC bails before it can reclaim them), so they
# occupy multiple GB until someone wipes the whole registry by hand. zot
# cannot self-heal this; it is the one registry case the janitor must own.
#
# Two guards keep this from touching a live push, which passes transiently
# through exactly this state (index.json is only written at the end, by the
# manifest PUT): only repos whose index.json lists no manifests at all, and
# only those with no filesystem activity anywhere in the tree for
# ORPHAN_REPO_MIN_AGE_MINS. Anything unparseable is left alone — a format
# change upstream must fail towards keeping data, not deleting it. A third
# guard covers namespaced pushes (localhost:5001/<ns>/<repo>, which the
# openedx integration can produce): the <ns> dir has no index.json of its
# own, so it must not be judged manifest-less while a real repo sits below it.
#
# Deleting is safe by construction: with no manifest there is nothing
# pullable in the directory, and a subsequent push just re-uploads the layers.
#
# The age check and the `rm -rf` are not atomic against zot, so a push that
# starts in the microseconds between them loses its in-flight upload. That is
# accepted deliberately: the loser is a push that Docker retries, into a repo
# that had been untouched for an hour, and it lands right back in the state
# this sweep already handles — no manifest is ever broken, because a repo with
# a manifest is never a candidate. Closing the window means excluding registry
# writes (stopping zot, or a registry-side delete API), which would interrupt
# pushes and pulls far more often than the race it prevents.
# --volumes-from reads the storage path from the registry container, so it
# needs no knowledge of the volume name setup.sh chose.
# ---------------------------------------------------------------------------
ORPHAN_REPO_MIN_AGE_MINS=60

prune_orphan_repos() {
    local image
    image="$(docker inspect k3d-registry.localhost --format '{{.Config.Image}}' 2>/dev/null)" || return 0
    case "$image" in *zot*) ;; *) return 0 ;; esac

    local removed line
    removed=0
    while IFS= read -r line; do
        [[ -z "$line" ]] && continue
        log "  registry: removed manifest-less repo '$line' (interrupted push)"
        removed=$((removed + 1))
    done < <(
        docker run --rm --volumes-from k3d-registry.localhost alpine sh -c '
            for d in /var/lib/zot/*/; do
                [ -d "$d" ] || continue
                idx="${d}index.json"
                # No index.json yet, or one whose manifest list is empty
                # ("null" for a nil slice, "[]" for an empty one).
                [ -f "$idx" ] && ! grep -qE "\"manifests\":(null|\[\])" "$idx" && continue
                [ -n "$(find "$d" -mmin -'"$ORPHAN_REPO_MIN_AGE_MINS"' 2>/dev/null | head -n1)" ] && continue
                # A namespaced repo (<ns>/<repo>) leaves its parent dir with no
                # index.json of its own; never delete a tree that still has a
                # manifest somewhere below it.
                [ -n "$(find "$d" -mindepth 2 -name index.json 2>/dev/null | head -n1)" ] && continue
                name="${d#/var/lib/zot/}"
                rm -rf "$d" && echo "${name%/}"
            done
        ' 2>/dev/null
    )
    (( removed > 0 )) && log "registry: reclaimed $removed orphaned repo dir(s)"
    return 0
}

# ---------------------------------------------------------------------------
# Registry backend check. Apart from the orphan sweep above, this janitor
# leaves the registry to zot — so a machine still on the pre-2026-07
# registry:2 container has NO registry retention at all and will regrow
# unbounded. setup.sh prints migration instructions, but plenty of setups
# never re-run it; this warning runs where everyone actually is (tilt up).
# ---------------------------------------------------------------------------
warn_if_not_zot() {
    local image
    image="$(docker inspect k3d-registry.localhost --format '{{.Config.Image}}' 2>/dev/null)" || return 0
    case "$image" in *zot*) return 0 ;; esac
    log "WARNING: registry is '$image', not zot — it has no retention and will grow unbounded."
    log "WARNING: migrate (registry contents are disposable; Tilt re-pushes on next build):"
    log "WARNING:   k3d registry delete k3d-registry.localhost && ./local-dev/scripts/setup.sh"
}

run_cycle() {
    warn_if_not_zot
    prune_local_tags
    prune_build_cache
    prune_orphan_repos
}

log "disk-janitor starting (keep_tags=${KEEP_TAGS}, buildcache_max_gb=${JANITOR_BUILDCACHE_MAX_GB:-auto}, interval=${INTERVAL}s)"

if [[ "$INTERVAL" == "0" ]]; then
    run_cycle
    exit 0
fi

while true; do
    run_cycle
    log "cycle done — next in ${INTERVAL}s"
    sleep "$INTERVAL"
done
