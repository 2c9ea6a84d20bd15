#!/bin/bash
set -euo pipefail
export LC_ALL=C.UTF-8  # Prevent i18n from affecting command outputs (e.g. `type`).

usage () {
  cat >&2 <<EOF

$self is a tool for creating and restoring Elasticsearch/Opensearch snapshots
in order to copy indices between clusters/environments.

Usage examples:

GOVUK_ENVIRONMENT=production $self create_and_clean_up
GOVUK_ENVIRONMENT=staging SNAPSHOT_REPO=govuk-integration) $self restore_latest

export ES_URL=https://elasticsearch.example.com SNAPSHOT_REPO=myrepo
$self list
SNAPSHOT_NAME=foo $self create
SNAPSHOT_NAME=foo $self restore
SNAPSHOT_NAME=foo $self delete

Either GOVUK_ENVIRONMENT, or both ES_URL and SNAPSHOT_REPO must be provided.

EOF
  exit 64  # EX_USAGE; see sysexits(3).
}

check_state_of_snapshot() {
  : "${SNAPSHOT_NAME:?required}"
  local result
  result=$(mycurl -XGET "$ES_URL/_snapshot/${SNAPSHOT_REPO}/${SNAPSHOT_NAME}")
  jq -r '.snapshots[0].state' <<< "$result"
}

create () {
  : "${SNAPSHOT_NAME:?required}"
  local result
  local start_time
  local deadline
  local current_time
  local state
  local snapshot_retry_count

  start_time=$(date +%s)
  readonly start_time
  deadline=$((start_time + REQUEST_DEADLINE_SECONDS))
  readonly deadline
  
  set +e
  result=$(mycurl -XPUT "$ES_URL/_snapshot/$SNAPSHOT_REPO/$SNAPSHOT_NAME?wait_for_completion=true")

  snapshot_retry_count=1
  while [[ "$result" == *"504 Gateway Time-out"* ]] && [[ "$snapshot_retry_count" -le 3 ]]; do
    echo "Gateway timed-out, retrying snapshot creation"
    sleep 5
    result=$(mycurl -XPUT "$ES_URL/_snapshot/$SNAPSHOT_REPO/$SNAPSHOT_NAME?wait_for_completion=true")
    ((snapshot_retry_count++))
  done

  set -e
  state=$(jq -r .snapshot.state <<<"$result")
  echo "$result" | jq

  current_time=$(date +%s)
  while [[ "$state" != "SUCCESS" ]] && [[ "$current_time" -le "$deadline" ]]; do
    echo "Snapshot state currently: $state"
    case "$state" in
      "IN_PROGRESS")
        echo "Snapshot still in progress."
        ;;
      "FAILED"|"PARTIAL"|"INCOMPATIBLE")
        echo "Snapshot reached a bad terminal state of: $state"
        return 1
        ;;
      *)
        echo "Snapshot in a state I do not understand: $state."
        ;;
    esac

    echo "Sleeping for 5 seconds before checking state again"
    sleep 5
    state=$(check_state_of_snapshot)
    current_time=$(date +%s)
  done

  state=$(check_state_of_snapshot)
  if [[ "$state" == "SUCCESS" ]]; then
    echo "Successful snapshot"
  else
    echo "Error: Snapshot did not reach a terminal state in the deadline of $REQUEST_DEADLINE_SECONDS seconds, final state was $state"
    return 1
  fi
}

delete () {
  local result
  result=$(mycurl -XDELETE "$ES_URL/_snapshot/$SNAPSHOT_REPO/$SNAPSHOT_NAME")
  echo "$result" | jq -e .acknowledged >/dev/null
}

# List all snapshots in ascending date order (as returned by ES).
list () {
  mycurl "$ES_URL/_snapshot/$SNAPSHOT_REPO/_all" | jq -e '.snapshots'
}

# Enable or disable automatic index creation on insert.
# usage: set_auto_create_index true|false
set_auto_create_index () {
  # TODO: use curl --json once available (requires curl >= 7.82).
  mycurl -XPUT "$ES_URL/_cluster/settings" -H 'Content-Type: application/json' \
    -d '{ "persistent": { "action.auto_create_index": "'"$1"'" } }' >&2
}

snapshot_valid () {
  : "${SNAPSHOT_NAME:?required}"
  list | jq -r '. | map(select(.state == "SUCCESS"))[].snapshot' \
    | grep -Fx "$SNAPSHOT_NAME"
}

restore () {
  snapshot_valid

  set_auto_create_index false
  trap 'set_auto_create_index true' EXIT HUP INT TERM

  mycurl -XDELETE "$ES_URL/*,-.*" >&2  # Delete all except system indices.
  local result
  result=$(
    # TODO: use curl --json once available.
    mycurl -XPOST -H'Content-Type: application/json' -d'{"indices": "*,-.*"}' \
      "$ES_URL/_snapshot/$SNAPSHOT_REPO/$SNAPSHOT_NAME/_restore"
  )

  echo "$result" | jq -e .accepted >/dev/null
}

latest_successful () {
  list | jq -r '. | map(select(.state == "SUCCESS"))[-1].snapshot'
}

restore_latest () {
  SNAPSHOT_NAME=$(latest_successful) restore
}

# List all completed snapshots except for the n most recent.
snapshots_to_delete () {
  list | \
    jq -r '. | map(select(.state == "SUCCESS"))[:-'"$SNAPSHOTS_TO_KEEP"'][].snapshot'
}

cleanup () {
  for snap in $(snapshots_to_delete); do
    SNAPSHOT_NAME=$snap delete || true  # Continue on error.
  done
}

create_and_clean_up () {
  SNAPSHOT_NAME=$(date +%Y-%m-%d%H:%M:%S)-$SUBDOMAIN create
  SNAPSHOT_REPO="govuk-$GOVUK_ENVIRONMENT" cleanup
}


self=$(basename "$0")
subcommand=${1:-}
[[ $(type -t "$subcommand") == function ]] || usage

# We need a version of jq that understands negative slice offsets and -e (--exit-status).
if ! echo '[true]' | jq -e '.[-1]' >/dev/null 2>&1; then
  echo >&2 "$self: compatible version of jq not found; please install jq >=1.5"
  exit 69  # EX_UNAVAILABLE
fi

if [[ -n "$GOVUK_ENVIRONMENT" && -n "$SUBDOMAIN" ]]; then
  : "${ES_URL:=https://$SUBDOMAIN.$GOVUK_ENVIRONMENT.govuk-internal.digital}"
  : "${SNAPSHOT_REPO:=govuk-$GOVUK_ENVIRONMENT}"
fi

: "${ES_URL:?required}"
: "${SNAPSHOT_REPO:?required}"
: "${SNAPSHOTS_TO_KEEP:=1}"
: "${REQUEST_DEADLINE_SECONDS:=900}"  # Keep this > ES's 30s timeout to preserve error messages.
: "${SEARCH_USERNAME:=}"
: "${SEARCH_PASSWORD:=}"
readonly GOVUK_ENVIRONMENT ES_URL SNAPSHOTS_TO_KEEP REQUEST_DEADLINE_SECONDS

if [[ -n $SEARCH_USERNAME && -n $SEARCH_PASSWORD ]]; then
  mycurl () {
    set +x
    curl -Ssm"$REQUEST_DEADLINE_SECONDS" --fail-with-body -u "$SEARCH_USERNAME:$SEARCH_PASSWORD" "$@"
    [[ "${VERBOSE:-0}" -ge 1 ]] && set -x
  }
else
  mycurl () {
    curl -Ssm"$REQUEST_DEADLINE_SECONDS" --fail-with-body "$@"
  }
fi

[[ "${VERBOSE:-0}" -ge 1 ]] && set -x
$subcommand
