#!/bin/bash
set -e
set -o pipefail
backup_base_path="$(dirname $DP_BACKUP_BASE_PATH)/wal-g/"

function config_wal_g_for_fetch_wal_log() {
    walg_dir=${VOLUME_DATA_DIR}/wal-g
    walg_env=${walg_dir}/restore-env
    mkdir -p ${walg_dir}/restore-env
    cp /etc/datasafed/datasafed.conf ${walg_dir}/datasafed.conf
    cp /usr/bin/wal-g ${walg_dir}/wal-g
    datasafed_base_path=${1:?missing datasafed_base_path}
    # config wal-g env
    # config WALG_PG_WAL_SIZE with wal_segment_size which fetched by psql
    # echo "" > ${walg_env}/WALG_PG_WAL_SIZE
    echo "${walg_dir}/datasafed.conf" > ${walg_env}/WALG_DATASAFED_CONFIG
    echo "${datasafed_base_path}" > ${walg_env}/DATASAFED_BACKEND_BASE_PATH
    echo "zstd" > ${walg_env}/WALG_COMPRESSION_METHOD
    if [ -n "${DATASAFED_ENCRYPTION_ALGORITHM}" ]; then
      echo "${DATASAFED_ENCRYPTION_ALGORITHM}" > ${walg_env}/DATASAFED_ENCRYPTION_ALGORITHM
    elif [ -f ${walg_env}/DATASAFED_ENCRYPTION_ALGORITHM ]; then
       rm ${walg_env}/DATASAFED_ENCRYPTION_ALGORITHM
    fi
    if [ -n "${DATASAFED_ENCRYPTION_PASS_PHRASE}" ]; then
       echo "${DATASAFED_ENCRYPTION_PASS_PHRASE}" > ${walg_env}/DATASAFED_ENCRYPTION_PASS_PHRASE
    elif [ -f ${walg_env}/DATASAFED_ENCRYPTION_PASS_PHRASE ]; then
       rm ${walg_env}/DATASAFED_ENCRYPTION_PASS_PHRASE
    fi
}

# Retry guard: the final step of a successful run is `mv DATA_DIR DATA_DIR.old`.
# On a Job re-run after that point DATA_DIR no longer exists, so the very next
# command (touch into DATA_DIR) fails under set -e — and keeps failing on every
# retry, wedging the restore permanently. The fully-staged state is exactly
# ".old populated + DATA_DIR absent": all work below is already done.
if [[ -d ${DATA_DIR}.old ]] && [[ ! -d ${DATA_DIR} ]]; then
  echo "restore already staged in ${DATA_DIR}.old; nothing to do"
  exit 0
fi

# 1. config restore script
touch ${DATA_DIR}/recovery.signal;
mkdir -p ${RESTORE_SCRIPT_DIR}
chmod 777 -R ${RESTORE_SCRIPT_DIR}
touch ${RESTORE_SCRIPT_DIR}/kb_restore.signal;

cat > ${RESTORE_SCRIPT_DIR}/kb_restore.sh << 'EOF'
#!/bin/bash
set -e

# This script is executed by Patroni to finalize the archive restore process
# Usage: kb_restore.sh [--replica]
#   --replica: Indicates this is for replica creation, will skip restore and use basebackup

# Parse command line arguments
IS_REPLICA=false
while [[ $# -gt 0 ]]; do
    case $1 in
        --replica)
            IS_REPLICA=true
            shift
            ;;
        *)
            # Unknown argument, skip it and continue
            shift
            ;;
    esac
done

# If this is for replica creation, clean up and let Patroni use basebackup
if [[ "${IS_REPLICA}" == "true" ]]; then
    echo "Replica creation detected, cleaning up restored data..."

    # Remove the restored data directory
    if [[ -d "${DATA_DIR}.old" ]]; then
        echo "Removing ${DATA_DIR}.old..."
        rm -rf ${DATA_DIR}.old
    fi

    # Remove restore signal
    if [[ -f "${RESTORE_SCRIPT_DIR}/kb_restore.signal" ]]; then
        rm -rf ${RESTORE_SCRIPT_DIR}/kb_restore.signal
    fi

    echo "Cleanup completed. Patroni will use basebackup to create replica from primary."
    # Return non-zero to signal Patroni to fall back to basebackup
    exit 1
fi

HANDOFF_MARKER=".kb_walg_handoff"

function finalize_handoff() {
    local source_dir="${DATA_DIR}.old"
    local marker_path="${DATA_DIR}/${HANDOFF_MARKER}"

    if [[ -d "${source_dir}" ]]; then
        if [[ -f "${marker_path}" ]]; then
            if [[ "$(cat "${marker_path}")" != "normal" ]] \
                || [[ -n "$(find "${source_dir}" -mindepth 1 -maxdepth 1 -print -quit)" ]]; then
                echo "ERROR: WAL-G archive restore handoff state is inconsistent" >&2
                exit 1
            fi
            rmdir "${source_dir}"
        else
            if [[ -d "${DATA_DIR}" ]] \
                && [[ -n "$(find "${DATA_DIR}" -mindepth 1 -maxdepth 1 -print -quit)" ]]; then
                echo "ERROR: PostgreSQL data directory is not empty before WAL-G archive handoff" >&2
                exit 1
            fi
            printf 'normal\n' > "${source_dir}/${HANDOFF_MARKER}"
            rm -rf "${DATA_DIR}"
            mv "${source_dir}" "${DATA_DIR}"
        fi
    elif [[ ! -f "${marker_path}" ]] || [[ "$(cat "${marker_path}")" != "normal" ]]; then
        echo "ERROR: WAL-G archive restore handoff source is missing" >&2
        exit 1
    fi

    sync
    rm -f "${RESTORE_SCRIPT_DIR}/kb_restore.signal"
}

echo "Restoring data from ${DATA_DIR}.old..."
finalize_handoff
echo "Data restore completed successfully"
EOF

# Replace variables in the generated script
sed -i "s|\${DATA_DIR}|${DATA_DIR}|g" ${RESTORE_SCRIPT_DIR}/kb_restore.sh
sed -i "s|\${RESTORE_SCRIPT_DIR}|${RESTORE_SCRIPT_DIR}|g" ${RESTORE_SCRIPT_DIR}/kb_restore.sh
chmod +x ${RESTORE_SCRIPT_DIR}/kb_restore.sh

# 2. config wal-g to fetch wal logs
config_wal_g_for_fetch_wal_log "${backup_base_path}"

# 3. config restore command
mkdir -p ${CONF_DIR} && chmod 777 -R ${CONF_DIR};
WALG_DIR=/home/postgres/pgdata/wal-g

restore_command_str="envdir ${WALG_DIR}/restore-env ${WALG_DIR}/wal-g wal-fetch %f %p >> ${RESTORE_SCRIPT_DIR}/wal-g.log 2>&1"
cat << EOF > "${CONF_DIR}/recovery.conf"
restore_command='${restore_command_str}'
recovery_target_time='$( date -d "@${DP_RESTORE_TIMESTAMP}" '+%F %T%::z' )'
recovery_target_action='promote'
recovery_target_timeline='latest'
EOF

# this step is necessary, data dir must be empty for patroni
mv ${DATA_DIR} ${DATA_DIR}.old
sync
