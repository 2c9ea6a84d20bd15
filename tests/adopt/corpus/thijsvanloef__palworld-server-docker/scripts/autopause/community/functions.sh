#!/bin/bash
# This file included from autopause/services.sh only.

#-------------------------------
# AutoPause Community vars
#-------------------------------

declare -r APComm_API_URL="${COMMUNITY_API_URL:-https://api.palworldgame.com/}"
declare -r APComm_basedir="/home/steam/server/autopause/community"
declare -r APComm_register_file="${APComm_basedir}/register.json"
declare -r APComm_update_file="${APComm_basedir}/update.json"
declare -i APComm_seq=0  # 0:register / 1:update
declare -i APComm_timer=0
APComm_jsonRegister=""
APComm_jsonUpdate=""
APComm_last_error=""
declare -r APComm_curl_meta_sep="__APCOMM_CURL_META__"

#-------------------------------
# AutoPause Community API
#-------------------------------

APComm_formatLogMessage() {
    printf '%s' "${1}" | tr '\r\n' ' ' | sed 's/[[:space:]]\+/ /g' | cut -c1-200
}

# api.palworldgame.com/server Call
APComm_API() {
    local -r api="${1}"
    local -r data="${2}"
    local -r url="${APComm_API_URL}${api}"
    local -r agent="X-UnrealEngine-Agent"
    local raw response meta exit_code http_code error_message

    raw=$(curl -s --fail --max-time 10 --retry 2 --retry-delay 3 -L -X POST "${url}" -A "${agent}" --json "${data}" --write-out "\n${APComm_curl_meta_sep}\n%{exitcode}\n%{response_code}\n%{errormsg}")
    meta="${raw##*$'\n'"${APComm_curl_meta_sep}"$'\n'}"
    response="${raw%$'\n'"${APComm_curl_meta_sep}"$'\n'*}"

    if [ "${meta}" = "${raw}" ]; then
        APComm_last_error="curl metadata missing"
        return 1
    fi

    exit_code="${meta%%$'\n'*}"
    meta="${meta#*$'\n'}"
    http_code="${meta%%$'\n'*}"
    error_message="${meta#*$'\n'}"

    if [ "${exit_code}" = "0" ]; then
        APComm_last_error=""
        printf '%s' "${response}"
        return 0
    fi

    if [ -n "${error_message}" ]; then
        APComm_last_error="$(APComm_formatLogMessage "${error_message}")"
    elif [ -n "${http_code}" ] && [ "${http_code}" != "000" ]; then
        APComm_last_error="HTTP ${http_code}"
    else
        APComm_last_error="curl exited with code ${exit_code}"
    fi

    return 1
}

APComm_loadJSON() {
    if [ ! -f "${APComm_register_file}" ] || [ ! -f "${APComm_update_file}" ]; then
        APLog_error "Captured file not found. Perhaps your mitmproxy server is misconfigured, down, or has lost its connection to api.palworldgames.com."
        return 1
    fi
    local -i result=0 delta
    if ! APComm_jsonRegister="$(jq -c -n 'input' < "${APComm_register_file}" 2>/dev/null)"; then
        result=1
    fi
    if ! APComm_jsonUpdate="$(jq -c -n 'input' < "${APComm_update_file}" 2>/dev/null)"; then
        result=1
    fi
    if [ ${result} -eq 0 ]; then
        # It's not fresh after 120 seconds.
        ((delta=$(date +%s)-$(date +%s -r "${APComm_update_file}")))
        if [ ${delta} -gt 120 ]; then
            APLog_debug "${APComm_update_file} is not fresh."
            return 1
        fi
    fi
    return ${result}
}

APComm_register() {
    local data response id key
    
    if ! data=$(echo "${APComm_jsonRegister}" | jq -c -n 'input | .name = $name' --arg name "${SERVER_NAME} (paused)"); then
        APLog_error "Error creating register data JSON"
        return 1
    fi

    if ! response=$(APComm_API "server/register" "${data}"); then
        APLog_error "server/register API call failed: ${APComm_last_error}"
        return 1
    fi

    if ! echo "${response}" | jq -n 'input | empty' > /dev/null 2>&1; then
        APLog_error "server/register API returned invalid JSON response: $(APComm_formatLogMessage "${response}")"
        return 1
    fi

    id=$(echo "${response}" | jq -n -r 'input | .server_id // empty')
    key=$(echo "${response}" | jq -n -r 'input | .update_key // empty')

    if [ -n "${id}" ] && [ -n "${key}" ]; then
        # Update APComm_jsonUpdate safely
        APComm_jsonUpdate=$(echo "${APComm_jsonUpdate:-{}}" | jq -c -n 'input | .server_id = $id | .update_key = $key' --arg id "${id}" --arg key "${key}" 2>/dev/null)
        APLog "Community server registered ID: ${id}"
        return 0
    fi

    # Mask sensitive data in log if possible, or just truncate
    APLog_error "Registration failed (missing id or key): $(APComm_formatLogMessage "${response}")"
    return 1
}

APComm_update() {
    local response message status

    if ! response=$(APComm_API "server/update" "${APComm_jsonUpdate}"); then
        APLog_error "server/update API call failed: ${APComm_last_error}"
        return 1
    fi

    if ! echo "${response}" | jq -n 'input | empty' > /dev/null 2>&1; then
        APLog_error "server/update API returned invalid JSON response: $(APComm_formatLogMessage "${response}")"
        return 1
    fi

    status=$(echo "${response}" | jq -n -r 'input | .status // empty')
    message=$(echo "${response}" | jq -n -r 'input | .error_message // empty')

    if [ "${status}" = "ok" ]; then
        return 0
    elif [ -n "${message}" ]; then
        APLog "${status}: ${message}"
        return 1
    fi

    APLog_error "Update failed: $(APComm_formatLogMessage "${response}")"
    return 1
}

APComm_init() {
    if APComm_loadJSON; then
        APComm_seq=1 # keep continue same update data
    else
        APComm_seq=0 # Start over from registration
    fi
    APComm_timer=0
}

APComm_proc() {
    local -i now out
    now="$(date +%s)"
    out="$((APComm_timer+30))"
    if [ "${now}" -gt "${out}" ]; then
        APComm_timer="${now}"
        case ${APComm_seq} in
        0)
            if APComm_register && APComm_update; then
                APComm_seq=1
            fi
            ;;
        1)
            if ! APComm_update; then
                APComm_seq=0
            fi
            ;;
        esac
    fi
}

APComm_isCaptured() {
    test -f "${APComm_register_file}" -a -f "${APComm_update_file}"
}
