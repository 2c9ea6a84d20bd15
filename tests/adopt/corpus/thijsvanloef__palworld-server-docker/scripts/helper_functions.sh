#!/bin/bash
# This file contains functions which can be used in multiple scripts

# Backward compatibility: DEBUG is deprecated, use LOG_LEVEL instead.
if [ -n "${DEBUG}" ]; then
    echo "WARNING: DEBUG is deprecated and will be removed in a future release. Use LOG_LEVEL=DEBUG instead." >&2
    if [ -z "${LOG_LEVEL}" ] && [[ "${DEBUG,,}" =~ ^(true|on|1)$ ]]; then
        export LOG_LEVEL="DEBUG"
    fi
fi

# Enable shell tracing for all scripts that source this file when LOG_LEVEL=DEBUG.
# This can expose command arguments (including secrets) in logs.
if [ "${LOG_LEVEL^^}" = "DEBUG" ]; then
    set -x
fi

# Checks if a given path is a directory
# Returns 0 if the path is a directory
# Returns 1 if the path is not a directory or does not exists and produces an output message
dirExists() {
    local path="$1"
    local return_val=0
    if ! [ -d "${path}" ]; then
        LogError "${path} does not exist."
        return_val=1
    fi
    return "$return_val"
}

# Checks if a given path is a regular file
# Returns 0 if the path is a regular file
# Returns 1 if the path is not a regular file or does not exists and produces an output message
fileExists() {
    local path="$1"
    local return_val=0
    if ! [ -f "${path}" ]; then
        LogError "${path} does not exist."
        return_val=1
    fi
    return "$return_val"
}

# Checks if a given path exists and is readable
# Returns 0 if the path exists and is readable
# Returns 1 if the path is not readable or does not exists and produces an output message
isReadable() {
    local path="$1"
    local return_val=0
    if ! [ -r "${path}" ]; then
        LogError "${path} is not readable."
        return_val=1
    fi
    return "$return_val"
}

# Checks if a given path is writable
# Returns 0 if the path is writable
# Returns 1 if the path is not writable or does not exists and produces an output message
isWritable() {
    local path="$1"
    local return_val=0
    # Directories may be writable but not deletable causing -w to return false
    if [ -d "${path}" ]; then
        temp_file=$(mktemp -q -p "${path}")
        if [ -n "${temp_file}" ]; then
            rm -f "${temp_file}"
        else
            LogError "${path} is not writable."
            return_val=1
        fi
    # If it is a file it must be writable
    elif ! [ -w "${path}" ]; then
        LogError "${path} is not writable."
        return_val=1
    fi
    return "$return_val"
}

# Checks if a given path is executable
# Returns 0 if the path is executable
# Returns 1 if the path is not executable or does not exists and produces an output message
isExecutable() {
    local path="$1"
    local return_val=0
    if ! [ -x "${path}" ]; then
        LogError "${path} is not executable."
        return_val=1
    fi
    return "$return_val"
}

isTrue() {
    if [[ "${1,,}" =~ (true|on|1) ]]; then return 0; fi
    return 1
}

PlayerLogging_isEnabled() {
    isTrue "${ENABLE_PLAYER_LOGGING}" && [[ "${PLAYER_LOGGING_POLL_PERIOD}" =~ ^[0-9]+$ ]] && { isTrue "${REST_API_ENABLED}" || isTrue "${RCON_ENABLED}"; }
}

# Convert player list from JSON format
convert_JSON_to_CSV_players() {
    echo 'name,playeruid,platform_userid'
    echo -n "${1}" | \
        jq -r '.players[] | [ .name, .playerId, .userId ] | @csv' | \
        sed -re 's/"None"/"00000000000000000000000000000000"/' \
        -re 's/"//g'
}

# Lists players
# Outputs nothing if REST API or RCON is not enabled and returns 1
# Outputs player list if REST API or RCON is enabled and returns 0
get_players_list() {
    # Prefer REST API
    if isTrue "${REST_API_ENABLED}"; then
        convert_JSON_to_CSV_players "$(REST_API players)"
        return 0
    fi
    if isTrue "${RCON_ENABLED}"; then
        RCON "ShowPlayers"
        return 0
    fi
    return 1
}

# Checks how many players are currently connected
get_player_count() {
    local player_list
    if ! player_list=$(get_players_list); then
        return 1
    fi
    
    echo -n "${player_list}" | wc -l
    return 0
}

#
# Log Definitions
#
export LINE=$'\n'
export RESET=$'\033[0m'       # Text Reset
export WhiteText=$'\033[0;37m'        # White

# Bold
export RedBoldText=$'\033[1;31m'         # Red
export GreenBoldText=$'\033[1;32m'       # Green
export YellowBoldText=$'\033[1;33m'      # Yellow
export CyanBoldText=$'\033[1;36m'        # Cyan

PalServerLog_fifo="/home/steam/server/.palserver_log_fifo"

LogLevelToNumber() {
    local level="${1^^}"
    case "${level}" in
        DEBUG)
            echo 10
            ;;
        INFO|SUCCESS|ACTION)
            echo 20
            ;;
        WARN|WARNING)
            echo 30
            ;;
        ERROR)
            echo 40
            ;;
        OFF)
            echo 99
            ;;
        *)
            # Invalid levels fall back to INFO behavior.
            echo 20
            ;;
    esac
}

ShouldLogLevel() {
    local current_level="$1"
    local configured_level="${LOG_LEVEL:-INFO}"
    [ "$(LogLevelToNumber "${current_level}")" -ge "$(LogLevelToNumber "${configured_level}")" ]
}

LogDebug() {
    Log "$1" "$WhiteText" "DEBUG" && LogFlush
}
LogInfo() {
    Log "$1" "$WhiteText" "INFO"
}
LogWarn() {
    Log "$1" "$YellowBoldText" "WARN" && LogFlush
}
LogError() {
    Log "$1" "$RedBoldText" "ERROR" && LogFlush
}
LogSuccess() {
    Log "$1" "$GreenBoldText" "SUCCESS" && LogFlush
}
LogAction() {
    Log "****$1****" "$CyanBoldText" "ACTION" && LogFlush
}
LogFlush() {
    if [ -p "${PalServerLog_fifo}" ]; then
        if ! timeout 1s echo "LOG_FLUSH" > "${PalServerLog_fifo}"; then
            echo "WARNING: Failed to flush log to FIFO" >&2
        fi
    fi
}
Log() {
    local message="$1"
    local color="$2"
    local level="$3"
    if ! ShouldLogLevel "${level}"; then
        return 1
    fi

    local now timestamp
    now="$(date +"%s")"
    printf -v timestamp '%(%Y-%m-%d %H:%M:%S)T' "$now"
    local type="${LOG_FORMAT_TYPE,,}"
    local formatted_message=""

    # If LOG_FILTER_ENABLED is true AND LOG_FORMAT_TYPE is one of the structured types or explicit 'colored'/'plain',
    # output in the format that pal_logger.py expects for parsing ([time] [level] msg).
    if isTrue "${LOG_FILTER_ENABLED}" && [[ "${type}" =~ ^(json|logfmt|colored|plain)$ ]]; then
        formatted_message=$(printf '%s' "[${timestamp}] [${level^^}] ${color}${message}${RESET}")
    else
        # Otherwise (filter disabled OR type is default/empty/unknown), use the simple colored format.
        # This preserves the original behavior for users who haven't opted into the new logging system.
        formatted_message=$(printf '%s' "${color}${message}${RESET}")
    fi

    if [ -p "${PalServerLog_fifo}" ]; then
        if ! timeout 1s echo "LOG:${formatted_message}" > "${PalServerLog_fifo}"; then
            echo "${formatted_message}"
        fi
    else
        echo "${formatted_message}"
    fi
}

# Send Discord Message
# Level is optional variable defaulting to info
DiscordMessage() {
  local title="$1"
  local message="$2"
  local level="$3"
  local enabled="$4"
  local webhook_url="$5"
  if [ -z "$level" ]; then
    level="info"
  fi
  if [ -n "${DISCORD_WEBHOOK_URL}" ]; then
    /home/steam/server/discord.sh "$title" "$message" "$level" "$enabled" "$webhook_url" &
  fi
}

# REST API Call
REST_API() {
    autopause resume "REST_API ${1}" > /dev/null
    local -r api="${1}"
    local -r data="${2}"
    local -r url="http://localhost:${REST_API_PORT}/v1/api/${api}"
    local -r userpass="admin:${ADMIN_PASSWORD}"
    local -r post_api="save|stop"
    local -r down_api="shutdown|stop"
    local -i result=0
    local output
    if [ "${data}" = "" ] && [[ ! ${api} =~ ${post_api} ]]; then
        output=$(curl -s -L -X GET  "${url}" -u "${userpass}" -H "Accept: application/json")
        result=$?
    else
        output=$(curl -s -L -X POST "${url}" -u "${userpass}" --json "${data}")
        result=$?
    fi
    if [[ "${output}" =~ ^Unauthorized ]]; then
        LogError "${output}"
        return 1
    fi
    if [ ${result} -eq 0 ] && [[ ${api} =~ ${down_api} ]]; then
        autopause stop > /dev/null
    fi
    printf '%s' "${output}"
    return ${result}
}

# RCON Call
RCON() {
  local args="$1"
  LogWarn "RCON IS DEPRECATED AND WILL BE REMOVED IN A FUTURE RELEASE. PLEASE USE THE REST API INSTEAD."
  rcon-cli -c /home/steam/server/rcon.yaml "$args"
}

# Given a message this will broadcast in game
# Since RCON does not support spaces this will replace all spaces with underscores
# Returns 0 on success
# Returns 1 if not able to broadcast
broadcast_command() {
    local return_val=0
    if isTrue "${REST_API_ENABLED}"; then
        local json="{\"message\":\"${1}\"}" result
        result="$(REST_API announce "${json}")"
        if [ ! "${result}" = "OK" ]; then
            return_val=1
        fi
        return "$return_val"
    fi
    # Replaces spaces with underscore
    local message="${1// /_}"
    if [[ $message = *[![:ascii:]]* ]]; then
        LogWarn "Unable to broadcast since the message contains non-ascii characters: \"${message}\""
        return_val=1
    elif ! RCON "broadcast ${message}" > /dev/null; then
        return_val=1
    fi
    return "$return_val"
}

# Saves the server
# Returns 0 if it saves
# Returns 1 if it is not able to save
save_server() {
    local return_val=0
    if ! REST_API save; then
        return_val=1
    fi
    return "$return_val"
}

# Saves then shutdowns the server
# Returns 0 if it is shutdown
# Returns 1 if it is not able to be shutdown
shutdown_server() {
    local return_val=0
    # Do not shutdown if not able to save
    if save_server; then
        if ! rest-cli shutdown 1 "Shutting down"; then
            return_val=1
        fi
    else
        return_val=1
    fi
    return "$return_val"
}

# Given an amount of time in minutes and a message prefix
# Will skip countdown if no players are in the server, Will only check the mtime if there are players in the server
# Returns 0 on success
# Returns 1 if mtime is empty
# Returns 2 if mtime is not an integer
countdown_message() {
    local mtime="$1"
    local message_prefix="$2"
    local return_val=0

    # Only do countdown if there are players
    if [ "$(get_player_count)" -gt 0 ]; then
        if [[ "${mtime}" =~ ^[0-9]+$ ]]; then
            autopause stop "countdown_message"
            for ((i = "${mtime}" ; i > 0 ; i--)); do
                case "$i" in
                    1 ) 
                        broadcast_command "${message_prefix} in ${i} minute"
                        sleep 30s
                        broadcast_command "${message_prefix} in 30 seconds"
                        sleep 20s
                        broadcast_command "${message_prefix} in 10 seconds"
                        sleep 10s
                        ;;
                    2 )
                        ;&
                    3 )
                        ;&
                    10 )
                        ;&
                    15 )
                        ;&
                    "$mtime" )
                        broadcast_command "${message_prefix} in ${i} minutes"
                        ;&
                    * ) 
                        sleep 1m
                        # Checking for players every minute
                        # Checking after sleep since it is ran in the beginning of the function
                        if [ "$(get_player_count)" -eq 0 ]; then
                            break
                        fi
                        ;;
                esac
            done
        # If there are players but mtime is empty
        elif [ -z "${mtime}" ]; then
            return_val=1
        # If there are players but mtime is not an integer
        else
            return_val=2
        fi
    fi
    return "$return_val"
}

container_version_check() {
    local current_version
    local latest_version

    current_version=$(cat /home/steam/server/GIT_VERSION_TAG)
    latest_version=$(get_latest_version)

    if [ "${current_version}" != "${latest_version}" ]; then
        LogWarn "New version available: ${latest_version}"
        LogWarn "Learn how to update the container: https://palworld-server-docker.loef.dev/guides/update-the-container"
    else
        LogSuccess "The container is up to date!"

    fi
}
# Get latest release version from thijsvanloef/palworld-server-docker repository
# Returns the latest release version
get_latest_version() {
    local latest_version

    latest_version=$(curl https://api.github.com/repos/thijsvanloef/palworld-server-docker/releases/latest -s | jq .name -r)

    echo "$latest_version"
}

