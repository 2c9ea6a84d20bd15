#!/bin/bash

set -e
set -o xtrace

PBM_AGENT_LOG=/tmp/pbm-agent.log
MONGOD_LOG=/tmp/mongod.log
PHYSICAL_RESTORE_DIR=/data/db/pbm-restore-logs

function log() {
	echo "[$(date +%Y-%m-%dT%H:%M:%S%z)]" $*
}

function handle_sigterm() {
	log "Received SIGTERM, cleaning up..."

	mkdir ${PHYSICAL_RESTORE_DIR}
	mv pbm.restore.log.* ${PBM_AGENT_LOG} ${MONGOD_LOG} ${PHYSICAL_RESTORE_DIR}/

	log "Restore finished, you can find logs in ${PHYSICAL_RESTORE_DIR}"
	exit 0
}

trap 'handle_sigterm' 15

touch /opt/percona/restore-in-progress

if [ -d /etc/s3/certs-in ] && [ -n "$(ls -A /etc/s3/certs-in/*.crt 2>/dev/null)" ]; then
	cat /etc/s3/certs-in/*.crt > /etc/s3/certs/ca-bundle.crt
	chmod 0644 /etc/s3/certs/ca-bundle.crt
fi

if [[ -z ${PBM_AGENT_TLS_ENABLED} ]] || [[ ${PBM_AGENT_TLS_ENABLED} == "true" ]]; then
	MONGO_SSL_DIR=/etc/mongodb-ssl
	if [[ -e "${MONGO_SSL_DIR}/tls.crt" ]] && [[ -e "${MONGO_SSL_DIR}/tls.key" ]]; then
		cat "${MONGO_SSL_DIR}/tls.key" "${MONGO_SSL_DIR}/tls.crt" >/tmp/tls.pem
	fi
fi

PATH=${PATH}:/opt/percona /opt/percona/pbm-agent-entrypoint >${PBM_AGENT_LOG} 2>&1 &
pbm_pid=$!

/opt/percona/ps-entry.sh "$@" >${MONGOD_LOG} 2>&1 &
mongod_pid=$!

set +o xtrace
log "Physical restore in progress... pbm-agent logs: ${PBM_AGENT_LOG} mongod logs: ${MONGOD_LOG}"
log "Script PID: $$, pbm-agent PID: $pbm_pid, mongod PID: $mongod_pid"
while true; do
	sleep 30
	log "Still in progress"
	ps -eFH
	log "Last 10 lines of ${PBM_AGENT_LOG}:"
	tail -n 10 ${PBM_AGENT_LOG}
done
