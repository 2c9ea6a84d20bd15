#!/bin/bash
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$SCRIPT_DIR/.."
# shellcheck source=./ci-utils.sh disable=SC1091
source "$SCRIPT_DIR/ci-utils.sh"

usage() {
    cat <<EOF
Usage: $(basename "$0") <old_version> <new_version>

Bump the SDK version across all source files and update the package SHA.
This is the entry point used by Craft during releases.

Accepts positional parameters for Craft compatibility.

ARGUMENTS:
    old_version     Current version string (e.g., 9.12.0)
    new_version     New version string (e.g., 9.13.0)

EXAMPLES:
    $(basename "$0") 9.12.0 9.13.0

EOF
    exit 1
}

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
    usage
fi

if [[ $# -lt 2 ]]; then
    log_error "Expected 2 arguments (old_version, new_version), got $#"
    usage
fi

OLD_VERSION="${1}"
NEW_VERSION="${2}"

log_info "Bumping version:"
log_info "  Old version: $OLD_VERSION"
log_info "  New version: $NEW_VERSION"

"$SCRIPT_DIR/bump-version.sh" --version "${NEW_VERSION}"

begin_group "Update package SHA"
"$SCRIPT_DIR/update-package-sha.sh"
end_group

log_info "Version bump from ${OLD_VERSION} to ${NEW_VERSION} completed successfully"
