#!/usr/bin/env bash
# kc-seed-users.sh — Idempotent local-dev test-user provisioning
#
# Creates three test users in the Keycloak olapps realm.  If a user already
# exists (looked up by email) it is skipped — safe to run multiple times.
#
# Users created (the realm has registrationEmailAsUsername=true, so log in with
# the email address as the username):
#   admin@odl.local   / localdev123  — realm admin role
#   student@odl.local / localdev123
#   prof@odl.local    / localdev123
#
# Usage:
#   ./local-dev/scripts/kc-seed-users.sh
#
# The script resolves the Keycloak URL automatically (uses sso.ol.{ROOT_DOMAIN} by
# default, where ROOT_DOMAIN is read from LOCAL_DEV_ROOT_DOMAIN env var).
# Override with KC_URL env var if needed.

set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "${SCRIPT_DIR}/../.." && pwd)"

_ROOT_DOMAIN="${LOCAL_DEV_ROOT_DOMAIN:-mit.dev}"
KC_URL="${KC_URL:-https://sso.ol.${_ROOT_DOMAIN}}"
REALM="olapps"
KC_USER="admin"
KC_PASS="admin"  # pragma: allowlist secret

# The ingress serves an mkcert-issued cert (setup.sh generates it) whose root CA
# is not in the system trust store, so every curl below must validate against
# that CA explicitly. Without it curl exits 60 on the handshake, the token comes
# back empty, and get_token's retry loop reports it as "waiting for Keycloak" —
# which sends you looking at a Keycloak that was healthy the whole time.
KC_CACERT="${KC_CACERT:-${REPO_ROOT}/local-dev/certs/rootCA.pem}"
if [ ! -f "${KC_CACERT}" ]; then
    echo "[kc-seed-users] ERROR: CA certificate not found at ${KC_CACERT}" >&2
    echo "[kc-seed-users] Run local-dev/scripts/setup.sh to generate the local certs." >&2
    exit 1
fi

# ---------------------------------------------------------------------------
# Helper: obtain an admin access token, retrying up to 5 times.
# ---------------------------------------------------------------------------
get_token() {
    local token attempt
    for attempt in 1 2 3 4 5; do
        token=$(curl -sf --cacert "${KC_CACERT}" --max-time 10 \
            -X POST "${KC_URL}/realms/master/protocol/openid-connect/token" \
            -d "client_id=admin-cli" \
            -d "grant_type=password" \
            -d "username=${KC_USER}" \
            -d "password=${KC_PASS}" 2>/dev/null \
            | jq -r '.access_token // empty' 2>/dev/null || true)
        if [ -n "$token" ] && [ "$token" != "null" ]; then
            echo "$token"
            return 0
        fi
        echo "[kc-seed-users] attempt ${attempt}/5: waiting for Keycloak..." >&2
        sleep 5
    done
    echo "[kc-seed-users] ERROR: could not obtain admin token from ${KC_URL}" >&2
    return 1
}

echo "[kc-seed-users] Connecting to Keycloak at ${KC_URL} ..."
TOKEN=$(get_token)

# ---------------------------------------------------------------------------
# Ensure the 'admin' realm role exists in olapps.
# ---------------------------------------------------------------------------
ensure_admin_role() {
    local existing
    existing=$(curl -sf --cacert "${KC_CACERT}" --max-time 10 \
        -H "Authorization: Bearer ${TOKEN}" \
        "${KC_URL}/admin/realms/${REALM}/roles/admin" 2>/dev/null \
        | jq -r '.name // empty' 2>/dev/null || true)
    if [ -z "$existing" ]; then
        echo "[kc-seed-users] Creating 'admin' realm role in ${REALM} ..."
        curl -sf --cacert "${KC_CACERT}" --max-time 10 \
            -X POST \
            -H "Authorization: Bearer ${TOKEN}" \
            -H "Content-Type: application/json" \
            "${KC_URL}/admin/realms/${REALM}/roles" \
            -d '{"name":"admin","description":"Local dev admin role"}' \
            -o /dev/null
    fi
}

ensure_admin_role

# ---------------------------------------------------------------------------
# User definitions: (username, email, firstName, lastName, assign_admin_role)
#
# Plain case statements instead of associative arrays: `declare -A` requires
# bash 4+, but macOS ships bash 3.2 as /bin/bash (Apple hasn't updated it
# since bash moved to GPLv3 licensing). Under bash 3.2, `declare -A` silently
# misparses and fails with a confusing "unbound variable" error under set -u.
# ---------------------------------------------------------------------------
user_email() {
    case "$1" in
        admin) echo "admin@odl.local" ;;
        student) echo "student@odl.local" ;;
        prof) echo "prof@odl.local" ;;
    esac
}
user_first() {
    case "$1" in
        admin) echo "Admin" ;;
        student) echo "Student" ;;
        prof) echo "Professor" ;;
    esac
}

for USERNAME in admin student prof; do
    EMAIL="$(user_email "$USERNAME")"
    FIRST="$(user_first "$USERNAME")"
    LAST="User"

    # Check if user already exists. Look up by email, not username: the realm
    # has registrationEmailAsUsername=true, so Keycloak stores the username as
    # the email address (e.g. "admin@odl.local", not "admin"). A username=
    # lookup would always miss and the script would try to re-create existing
    # users on every run, breaking idempotency.
    EXISTING_ID=$(curl -sf --cacert "${KC_CACERT}" --max-time 10 \
        -H "Authorization: Bearer ${TOKEN}" \
        "${KC_URL}/admin/realms/${REALM}/users?email=${EMAIL}&exact=true" 2>/dev/null \
        | jq -r '.[0].id // empty' 2>/dev/null || true)

    if [ -n "${EXISTING_ID}" ]; then
        echo "[kc-seed-users] ${USERNAME}: already exists (${EXISTING_ID}), skipping."
        continue
    fi

    echo "[kc-seed-users] Creating user: ${USERNAME} <${EMAIL}> ..."
    curl -sf --cacert "${KC_CACERT}" --max-time 10 \
        -X POST \
        -H "Authorization: Bearer ${TOKEN}" \
        -H "Content-Type: application/json" \
        "${KC_URL}/admin/realms/${REALM}/users" \
        -d "{
            \"username\": \"${EMAIL}\",
            \"email\": \"${EMAIL}\",
            \"firstName\": \"${FIRST}\",
            \"lastName\": \"${LAST}\",
            \"enabled\": true,
            \"emailVerified\": true,
            \"credentials\": [{
                \"type\": \"password\",
                \"value\": \"localdev123\",
                \"temporary\": false
            }]
        }" \
        -o /dev/null

    # Re-fetch the new user ID for role assignment (by email; see note above).
    NEW_ID=$(curl -sf --cacert "${KC_CACERT}" --max-time 10 \
        -H "Authorization: Bearer ${TOKEN}" \
        "${KC_URL}/admin/realms/${REALM}/users?email=${EMAIL}&exact=true" 2>/dev/null \
        | jq -r '.[0].id // empty' 2>/dev/null || true)

    # Assign the admin realm role if applicable.
    if [ "$USERNAME" = "admin" ] && [ -n "$NEW_ID" ]; then
        echo "[kc-seed-users] Assigning 'admin' realm role to ${USERNAME} ..."
        ROLE_JSON=$(curl -sf --cacert "${KC_CACERT}" --max-time 10 \
            -H "Authorization: Bearer ${TOKEN}" \
            "${KC_URL}/admin/realms/${REALM}/roles/admin" 2>/dev/null || true)
        curl -sf --cacert "${KC_CACERT}" --max-time 10 \
            -X POST \
            -H "Authorization: Bearer ${TOKEN}" \
            -H "Content-Type: application/json" \
            "${KC_URL}/admin/realms/${REALM}/users/${NEW_ID}/role-mappings/realm" \
            -d "[${ROLE_JSON}]" \
            -o /dev/null
    fi
done

echo "[kc-seed-users] Done."
