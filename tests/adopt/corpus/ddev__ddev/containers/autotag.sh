#!/usr/bin/env bash
# autotag.sh [--print-only|--no-build] <TagVarName> <ImageRepo> <hash-path> [<hash-path> ...] [-- <build-cmd...>]
#
# Detects whether an image's content hash (see hash-paths.sh) differs from
# the tag currently committed in pkg/versionconstants/versionconstants.go. If
# unchanged, does nothing (no Docker, no network). If changed, builds the
# image locally at the new tag (unless already built) using the given build
# command, then rewrites just that tag's line in versionconstants.go in place.
#
# The tag is the bare content hash, with no branch prefix: the hash is the
# content address, and a prefix would only make the same image resolve to
# different strings depending on which branch or repository published it.
# The branch is recorded in a trailing comment instead, so the line still says
# where the image came from, and pushes publish a <branch>-<hash> alias
# pointing at the same manifest for anyone browsing the registry.
#
# --print-only prints the candidate tag and exits, without touching Docker or
# versionconstants.go.
#
# --no-build rewrites versionconstants.go without running Docker, leaving the
# image for CI to build. The tag it writes exists nowhere yet.
#
# Env:
#   HASH_LEN               - hash length in hex chars (default 10, must match hash-paths.sh)
#   VERSIONCONSTANTS_FILE   - path to versionconstants.go (default pkg/versionconstants/versionconstants.go)

set -eu -o pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(git rev-parse --show-toplevel)"
HASH_LEN="${HASH_LEN:-10}"
VERSIONCONSTANTS_FILE="${VERSIONCONSTANTS_FILE:-$REPO_ROOT/pkg/versionconstants/versionconstants.go}"

PRINT_ONLY=false
NO_BUILD=false
while true; do
  case "${1:-}" in
    --print-only) PRINT_ONLY=true; shift ;;
    --no-build) NO_BUILD=true; shift ;;
    *) break ;;
  esac
done

if [ "$#" -lt 3 ]; then
  echo "Usage: $0 [--print-only|--no-build] <TagVarName> <ImageRepo> <hash-path> [<hash-path> ...] [-- <build-cmd...>]" >&2
  exit 1
fi

TAG_VAR="$1"; shift
IMAGE_REPO="$1"; shift

HASH_PATHS=()
BUILD_CMD=()
SEEN_DASHDASH=false
for arg in "$@"; do
  if [ "$SEEN_DASHDASH" = false ] && [ "$arg" = "--" ]; then
    SEEN_DASHDASH=true
    continue
  fi
  if [ "$SEEN_DASHDASH" = true ]; then
    BUILD_CMD+=("$arg")
  else
    HASH_PATHS+=("$arg")
  fi
done

if [ "${#HASH_PATHS[@]}" -eq 0 ]; then
  echo "autotag.sh: no hash paths given" >&2
  exit 1
fi

CURRENT_HASH="$(HASH_LEN="$HASH_LEN" "$SCRIPT_DIR/hash-paths.sh" "${HASH_PATHS[@]}")"

BRANCH="$(git -C "$REPO_ROOT" rev-parse --abbrev-ref HEAD 2>/dev/null || echo detached)"
SANITIZED_BRANCH="$(echo "$BRANCH" | sed -E 's/[^A-Za-z0-9_.-]+/-/g')"
CANDIDATE_TAG="${CURRENT_HASH}"
ALIAS_TAG="${SANITIZED_BRANCH}-${CURRENT_HASH}"

if [ "$PRINT_ONLY" = true ]; then
  echo "$CANDIDATE_TAG"
  exit 0
fi

EXISTING_TAG="$(grep -E "^var ${TAG_VAR} = " "$VERSIONCONSTANTS_FILE" 2>/dev/null | sed -E "s/^var ${TAG_VAR} = \"([^\"]*)\".*/\\1/" || true)"
if [ -z "$EXISTING_TAG" ]; then
  echo "autotag.sh: could not find 'var ${TAG_VAR} = \"...\"' in $VERSIONCONSTANTS_FILE" >&2
  exit 1
fi

# Exact, not a trailing-hash match, so a line still in the old <branch>-<hash>
# form is rewritten to the bare hash the first time make runs.
if [ "$EXISTING_TAG" = "$CURRENT_HASH" ]; then
  # Unchanged - nothing to do.
  exit 0
fi

echo "autotag.sh: ${TAG_VAR} content changed (${EXISTING_TAG} -> ${CANDIDATE_TAG})"

if [ "$NO_BUILD" = true ]; then
  echo "autotag.sh: --no-build, leaving ${IMAGE_REPO}:${CANDIDATE_TAG} for CI"
elif docker image inspect "${IMAGE_REPO}:${CANDIDATE_TAG}" >/dev/null 2>&1; then
  echo "autotag.sh: ${IMAGE_REPO}:${CANDIDATE_TAG} already built locally, skipping build"
else
  if [ "${#BUILD_CMD[@]}" -eq 0 ]; then
    echo "autotag.sh: no build command given, cannot build ${IMAGE_REPO}:${CANDIDATE_TAG}" >&2
    exit 1
  fi
  "${BUILD_CMD[@]}" "VERSION=${CANDIDATE_TAG}" "DDEV_IMAGE_TAG=${CANDIDATE_TAG}"
fi

# The trailing comment is rewritten wholesale, not preserved: it exists to say
# which branch produced this hash, which is the readability a bare hash costs.
# <TagVar>Branch carries the same thing as data, for `ddev version`.
sed -i.bak -E \
  -e "s|^var ${TAG_VAR} = \"[^\"]*\".*|var ${TAG_VAR} = \"${CANDIDATE_TAG}\" // ${ALIAS_TAG}|" \
  -e "s|^var ${TAG_VAR}Branch = \"[^\"]*\"|var ${TAG_VAR}Branch = \"${SANITIZED_BRANCH}\"|" \
  "$VERSIONCONSTANTS_FILE"
rm -f "${VERSIONCONSTANTS_FILE}.bak"

echo "autotag.sh: updated ${TAG_VAR} to ${CANDIDATE_TAG} (${ALIAS_TAG}) in $VERSIONCONSTANTS_FILE"
