#!/bin/bash
set -eo pipefail
shopt -s nullglob
set -o xtrace

trap "exit" SIGTERM

# if command starts with an option, prepend mysqld
if [ "${1:0:1}" = '-' ]; then
	set -- mysqld "$@"
fi

# skip setup if they want an option that stops mysqld
wantHelp=
for arg; do
	case "$arg" in
		-'?' | --help | --print-defaults | -V | --version)
			wantHelp=1
			break
			;;
	esac
done

# usage: file_env VAR [DEFAULT]
#    ie: file_env 'XYZ_DB_PASSWORD' 'example'
# (will allow for "$XYZ_DB_PASSWORD_FILE" to fill in the value of
#  "$XYZ_DB_PASSWORD" from a file, especially for Docker's secrets feature)
file_env() {
	set +o xtrace
	local var="$1"
	local fileVar="${var}_FILE"
	local def="${2:-}"
	if [ "${!var:-}" ] && [ "${!fileVar:-}" ]; then
		echo >&2 "error: both $var and $fileVar are set (but are exclusive)"
		exit 1
	fi
	local val="$def"
	if [ "${!var:-}" ]; then
		val="${!var}"
	elif [ "${!fileVar:-}" ]; then
		val="$(<"${!fileVar}")"
	elif [ "${3:-}" ] && [ -f "/etc/mysql/mysql-users-secret/$3" ]; then
		val="$(</etc/mysql/mysql-users-secret/"$3")"
	fi
	export "$var"="$val"
	unset "$fileVar"
}

# usage: process_init_file FILENAME MYSQLCOMMAND...
#    ie: process_init_file foo.sh mysql -uroot
# (process a single initializer file, based on its extension. we define this
# function here, so that initializer scripts (*.sh) can use the same logic,
# potentially recursively, or override the logic used in subsequent calls)
process_init_file() {
	local f="$1"
	shift
	local mysql=("$@")

	case "$f" in
		*.sh)
			echo "$0: running $f"
			# shellcheck disable=SC1090
			. "$f"
			;;
		*.sql)
			echo "$0: running $f"
			"${mysql[@]}" <"$f"
			echo
			;;
		*.sql.gz)
			echo "$0: running $f"
			gunzip -c "$f" | "${mysql[@]}"
			echo
			;;
		*) echo "$0: ignoring $f" ;;
	esac
	echo
}

_check_config() {
	toRun=("$@" --verbose --help)
	if ! errors="$("${toRun[@]}" 2>&1 >/dev/null)"; then
		cat >&2 <<-EOM

			ERROR: mysqld failed while attempting to check config
			command was: "${toRun[*]}"

			$errors
		EOM
		exit 1
	fi
}

# Fetch value from server config
# We use mysqld --verbose --help instead of my_print_defaults because the
# latter only show values present in config files, and not server defaults
_get_config() {
	local conf="$1"
	shift
	"$@" --verbose --help --log-bin-index="$(mktemp -u)" 2>/dev/null \
		| awk '$1 == "'"$conf"'" && /^[^ \t]/ { sub(/^[^ \t]+[ \t]+/, ""); print; exit }'
	# match "datadir      /some/path with/spaces in/it here" but not "--xyz=abc\n     datadir (xyz)"
}

# Fetch value from customized configs, needed for non-mysqld options like sst
_get_cnf_config() {
	local group=$1
	local var=${2//_/-}
	local reval=""

	reval=$(
		my_print_defaults "${group}" \
			| awk -F= '{st=index($0,"="); cur=$0; if ($1 ~ /_/) { gsub(/_/,"-",$1);} if (st != 0) { print $1"="substr(cur,st+1) } else { print cur }}' \
			| grep -- "--$var=" \
			| cut -d= -f2- \
			| tail -1
	)

	if [[ -z $reval ]]; then
		reval=$3
	fi
	echo "$reval"
}

_get_tmpdir() {
	local defaul_value="$1"
	local tmpdir_path=""

	tmpdir_path=$(_get_cnf_config mysqld tmpdir "")
	if [[ -z ${tmpdir_path} ]]; then
		tmpdir_path=$(_get_cnf_config xtrabackup tmpdir "")
	fi
	if [[ -z ${tmpdir_path} ]]; then
		tmpdir_path="$defaul_value"
	fi
	echo "$tmpdir_path"
}

CFG=/etc/my.cnf.d/node.cnf
TLS_DIR=/etc/mysql/mysql-tls-secret
CUSTOM_CONFIG_FILES=("/etc/mysql/config/auto-config.cnf" "/etc/mysql/config/my-config.cnf" "/etc/mysql/config/my-secret.cnf")

install_keyring_component() {
	echo -n '{ "components": "file://component_keyring_vault" }' >/var/lib/mysql/mysqld.my
	cp "${KEYRING_VAULT_PATH}" /var/lib/mysql/component_keyring_vault.cnf
}

uninstall_keyring_component() {
	if [[ -f /var/lib/mysql/mysqld.my ]]; then
		rm /var/lib/mysql/mysqld.my
	fi

	if [[ -f /var/lib/mysql/component_keyring_vault.cnf ]]; then
		rm /var/lib/mysql/component_keyring_vault.cnf
	fi
}

add_encryption_options() {
	sed -i "/\[mysqld\]/a default_table_encryption=ON" $CFG
	sed -i "/\[mysqld\]/a table_encryption_privilege_check=ON" $CFG
	sed -i "/\[mysqld\]/a innodb_undo_log_encrypt=ON" $CFG
	sed -i "/\[mysqld\]/a innodb_redo_log_encrypt=ON" $CFG
	sed -i "/\[mysqld\]/a binlog_encryption=ON" $CFG
	sed -i "/\[mysqld\]/a binlog_rotate_encryption_master_key_at_startup=ON" $CFG
	sed -i "/\[mysqld\]/a innodb_temp_tablespace_encrypt=ON" $CFG
	sed -i "/\[mysqld\]/a innodb_encrypt_online_alter_logs=ON" $CFG
	sed -i "/\[mysqld\]/a encrypt_tmp_files=ON" $CFG
}

create_default_cnf() {
	# hostname -I can list a node-local RFC 3927 link-local address (the
	# full range is 169.254.0.0/16), assigned by some CNI plugins - such as
	# the AWS VPC CNI's IPv6-cluster egress-NAT helper, which uses
	# 169.254.172.0/22 specifically - for outbound-only traffic, ahead of
	# the pod's real routable address. That address is not reachable from
	# other pods, so using it here breaks admin-address for anything that
	# needs to reach it (e.g. haproxy's backend healthchecks). Excludes the
	# whole 169.254.0.0/16 range by default (overridable via
	# POD_IP_EXCLUDE_REGEX, a grep -E pattern, if a narrower exclusion is
	# ever needed) since other CNIs may assign non-routable addresses
	# anywhere in that range, not just AWS's specific /22. Falls back to
	# the original unfiltered first address if every candidate gets
	# excluded, so a host with nothing but link-local addresses doesn't
	# leave POD_IP empty - and the `|| true` keeps that fallback from
	# being skipped by `set -eo pipefail` above when grep finds no match.
	POD_IP_EXCLUDE_REGEX="${POD_IP_EXCLUDE_REGEX:-^169\.254\.}"
	POD_IP=$(hostname -I | tr ' ' '\n' | grep -v -E "$POD_IP_EXCLUDE_REGEX" | head -n1 || true)
	if [ -z "$POD_IP" ]; then
		POD_IP=$(hostname -I | awk '{print $1}')
	fi

	if [[ ${HOSTNAME} =~ "-xb-" ]]; then
		FQDN=${HOSTNAME}
	else
		CLUSTER_NAME="$(hostname -f | cut -d'.' -f2)"
		SERVER_NUM=${HOSTNAME/$CLUSTER_NAME-/}
		SERVER_ID=${CLUSTER_HASH}${SERVER_NUM}
		FQDN="${HOSTNAME}.${SERVICE_NAME}.$(</var/run/secrets/kubernetes.io/serviceaccount/namespace)"
	fi

	echo '[mysqld]' >$CFG
	if [[ ${CLUSTER_TYPE} == "async" ]]; then
		# Ensures replication is not automatically started on mysql startup,
		# giving the orchestrator full control over replication start.
		sed -i "/\[mysqld\]/a skip-replica-start=ON" $CFG
	fi
	sed -i "/\[mysqld\]/a read_only=ON" $CFG
	sed -i "/\[mysqld\]/a server_id=${SERVER_ID}" $CFG
	sed -i "/\[mysqld\]/a admin-address=${POD_IP}" $CFG
	sed -i "/\[mysqld\]/a report_host=${FQDN}" $CFG
	sed -i "/\[mysqld\]/a report_port=3306" $CFG
	sed -i "/\[mysqld\]/a gtid-mode=ON" $CFG
	sed -i "/\[mysqld\]/a enforce-gtid-consistency=ON" $CFG
	sed -i "/\[mysqld\]/a log_error_verbosity=3" $CFG
	sed -i "/\[mysqld\]/a plugin-load-add=clone=mysql_clone.so" $CFG

	if [[ -d ${TLS_DIR} ]]; then
		sed -i "/\[mysqld\]/a ssl_ca=${TLS_DIR}/ca.crt" $CFG
		sed -i "/\[mysqld\]/a ssl_cert=${TLS_DIR}/tls.crt" $CFG
		sed -i "/\[mysqld\]/a ssl_key=${TLS_DIR}/tls.key" $CFG
	fi

	# if vault secret file exists we assume we need to turn on encryption
	if [[ -f ${KEYRING_VAULT_PATH} && ${MYSQL_VERSION} == '8.0' ]]; then
		sed -i "/\[mysqld\]/a early-plugin-load=keyring_vault.so" $CFG
		sed -i "/\[mysqld\]/a keyring_vault_config=${KEYRING_VAULT_PATH}" $CFG

		add_encryption_options

		# this variable causes mysqld to crash in 8.4
		sed -i "/\[mysqld\]/a innodb_parallel_dblwr_encrypt=ON" $CFG
	fi

	if [ "$MYSQL_VERSION" == '8.4' ] || [ "$MYSQL_VERSION" == '9.7' ]; then
		sed -i "/\[mysqld\]/a innodb_numa_interleave=OFF" $CFG
	fi

	for f in "${CUSTOM_CONFIG_FILES[@]}"; do
		echo "${f}"
		if [ -f "${f}" ]; then
			(
				cat "${f}"
				echo
			) >>$CFG
		fi
	done
}

load_group_replication_plugin() {
	POD_IP=$(hostname -I | awk '{print $1}')

	sed -i "/\[mysqld\]/a plugin_load_add=group_replication.so" $CFG
	sed -i "/\[mysqld\]/a group_replication_exit_state_action=ABORT_SERVER" $CFG
	sed -i "/\[mysqld\]/a group_replication_unreachable_majority_timeout=5" $CFG

	if [[ "${BOOTSTRAP_MODE}" == "manual" ]]; then
		sed -i "/\[mysqld\]/a group_replication_start_on_boot=OFF" $CFG
	fi
}

ensure_read_only() {
	sed -i "/\[mysqld\]/a read_only=ON" $CFG
	sed -i "/\[mysqld\]/a super_read_only=ON" $CFG
}

escape_special() {
	{ set +x; } 2>/dev/null
	echo "$1" \
		| sed 's/\\/\\\\/g' \
		| sed 's/'\''/'\\\\\''/g' \
		| sed 's/"/\\\"/g'
}

MYSQL_VERSION=$(mysqld -V | awk '{print $3}' | awk -F'.' '{print $1"."$2}')

if [[ "$MYSQL_VERSION" != '8.0' ]] && [[ "${MYSQL_VERSION}" != '8.4' ]] && [[ "${MYSQL_VERSION}" != '9.7' ]]; then
	echo "Percona Distribution for MySQL Operator does not support $MYSQL_VERSION"
	exit 1
fi

if [ "$1" = 'mysqld' ] && [ -z "$wantHelp" ]; then
	# still need to check config, container may have started with --user
	_check_config "$@"

	# Get config
	DATADIR="$(_get_config 'datadir' "$@")"
	TMPDIR=$(_get_tmpdir "$DATADIR/mysql-tmpdir")

	rm -rfv "$TMPDIR"

	create_default_cnf

	if [ ! -d "$DATADIR/mysql" ]; then
		touch /var/lib/mysql/bootstrap.lock
		file_env 'MYSQL_ROOT_PASSWORD' '' 'root'
		{ set +x; } 2>/dev/null
		if [ -z "$MYSQL_ROOT_PASSWORD" ] && [ -z "$MYSQL_ALLOW_EMPTY_PASSWORD" ] && [ -z "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
			echo >&2 'error: database is uninitialized and password option is not specified '
			echo >&2 '  You need to specify one of MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD and MYSQL_RANDOM_ROOT_PASSWORD'
			exit 1
		fi
		set -x

		mkdir -p "$DATADIR"
		find "$DATADIR" -mindepth 1 -prune -o -exec rm -rfv {} \+ 1>/dev/null

		echo 'Initializing database'
		# we initialize database into $TMPDIR because "--initialize-insecure" option does not work if directory is not empty
		# in some cases storage driver creates unremovable artifacts (see K8SPXC-286), so $DATADIR cleanup is not possible
		"$@" --initialize-insecure --datadir="$TMPDIR"
		mv "$TMPDIR"/* "$DATADIR/"
		rm -rfv "$TMPDIR"
		echo 'Database initialized'

		SOCKET="$(_get_config 'socket' "$@")"
		"$@" --skip-networking --socket="${SOCKET}" &
		pid="$!"

		mysql=(mysql --protocol=socket -uroot -hlocalhost --socket="${SOCKET}" --password="")

		for i in {120..0}; do
			if echo 'SELECT 1' | "${mysql[@]}" &>/dev/null; then
				break
			fi
			echo 'MySQL init process in progress...'
			sleep 1
		done
		if [ "$i" = 0 ]; then
			echo >&2 'MySQL init process failed.'
			exit 1
		fi

		if [ -z "$MYSQL_INITDB_SKIP_TZINFO" ]; then
			(
				echo "SET @@SESSION.SQL_LOG_BIN = off;"
				# sed is for https://bugs.mysql.com/bug.php?id=20545
				mysql_tzinfo_to_sql /usr/share/zoneinfo | sed 's/Local time zone must be set--see zic manual page/FCTY/'
			) | "${mysql[@]}" mysql
		fi

		{ set +x; } 2>/dev/null
		if [ -n "$INIT_ROCKSDB" ]; then
			ps-admin --docker --enable-rocksdb -u root -p "$MYSQL_ROOT_PASSWORD"
		fi

		if [ -n "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
			MYSQL_ROOT_PASSWORD="$(pwmake 128)"
			echo "GENERATED ROOT PASSWORD: $MYSQL_ROOT_PASSWORD"
		fi

		rootCreate=
		# default root to listen for connections from anywhere
		file_env 'MYSQL_ROOT_HOST' '%'
		if [ -n "$MYSQL_ROOT_HOST" ] && [ "$MYSQL_ROOT_HOST" != 'localhost' ]; then
			# no, we don't care if read finds a terminating character in this heredoc
			# https://unix.stackexchange.com/questions/265149/why-is-set-o-errexit-breaking-this-read-heredoc-expression/265151#265151
			read -r -d '' rootCreate <<-EOSQL || true
				CREATE USER 'root'@'${MYSQL_ROOT_HOST}' IDENTIFIED BY '$(escape_special "${MYSQL_ROOT_PASSWORD}")' PASSWORD EXPIRE NEVER;
				GRANT ALL ON *.* TO 'root'@'${MYSQL_ROOT_HOST}' WITH GRANT OPTION ;
			EOSQL
		fi

		file_env 'MONITOR_HOST' 'localhost'
		file_env 'MONITOR_PASSWORD' 'monitor' 'monitor'
		file_env 'XTRABACKUP_PASSWORD' '' 'xtrabackup'
		file_env 'REPLICATION_PASSWORD' '' 'replication'
		file_env 'ORC_TOPOLOGY_PASSWORD' '' 'orchestrator'
		file_env 'OPERATOR_ADMIN_PASSWORD' '' 'operator'
		file_env 'XTRABACKUP_PASSWORD' '' 'xtrabackup'
		file_env 'HEARTBEAT_PASSWORD' '' 'heartbeat'
		file_env 'CLUSTERSET_PASSWORD' '' 'clusterset'
		file_env 'CONFIGURATOR_PASSWORD' '' 'configurator'

		read -r -d '' monitorConnectGrant <<-EOSQL || true
			GRANT SERVICE_CONNECTION_ADMIN ON *.* TO 'monitor'@'${MONITOR_HOST}';
		EOSQL

		clustersetCreate=
		if [ -n "$CLUSTERSET_PASSWORD" ]; then
			read -r -d '' clustersetCreate <<-EOSQL || true
				CREATE USER 'clusterset'@'%' IDENTIFIED BY '$(escape_special "${CLUSTERSET_PASSWORD}")' PASSWORD EXPIRE NEVER;
				GRANT SELECT, RELOAD, SHUTDOWN, PROCESS, FILE, REPLICATION SLAVE, REPLICATION CLIENT, CREATE USER, EXECUTE ON *.* TO 'clusterset'@'%' WITH GRANT OPTION ;
				GRANT BACKUP_ADMIN, CLONE_ADMIN, CONNECTION_ADMIN, GROUP_REPLICATION_ADMIN, REPLICATION_SLAVE_ADMIN, REPLICATION_APPLIER, PERSIST_RO_VARIABLES_ADMIN, ROLE_ADMIN, SESSION_VARIABLES_ADMIN, SYSTEM_VARIABLES_ADMIN ON *.* TO 'clusterset'@'%' WITH GRANT OPTION ;
				GRANT INSERT, UPDATE, DELETE ON mysql.* TO 'clusterset'@'%' WITH GRANT OPTION ;
				GRANT ALTER, ALTER ROUTINE, CREATE, CREATE ROUTINE, CREATE TEMPORARY TABLES, CREATE VIEW, DELETE, DROP, EVENT, EXECUTE, INDEX, INSERT, LOCK TABLES, REFERENCES, SHOW VIEW, TRIGGER, UPDATE ON mysql_innodb_cluster_metadata.* TO 'clusterset'@'%' WITH GRANT OPTION ;
				GRANT ALTER, ALTER ROUTINE, CREATE, CREATE ROUTINE, CREATE TEMPORARY TABLES, CREATE VIEW, DELETE, DROP, EVENT, EXECUTE, INDEX, INSERT, LOCK TABLES, REFERENCES, SHOW VIEW, TRIGGER, UPDATE ON mysql_innodb_cluster_metadata_bkp.* TO 'clusterset'@'%' WITH GRANT OPTION ;
				GRANT ALTER, ALTER ROUTINE, CREATE, CREATE ROUTINE, CREATE TEMPORARY TABLES, CREATE VIEW, DELETE, DROP, EVENT, EXECUTE, INDEX, INSERT, LOCK TABLES, REFERENCES, SHOW VIEW, TRIGGER, UPDATE ON mysql_innodb_cluster_metadata_previous.* TO 'clusterset'@'%' WITH GRANT OPTION ;
			EOSQL
		fi

		configuratorCreate=
		if [ -n "$CONFIGURATOR_PASSWORD" ]; then
			read -r -d '' configuratorCreate <<-EOSQL || true
				CREATE USER 'configurator'@'%' IDENTIFIED BY '$(escape_special "${CONFIGURATOR_PASSWORD}")' PASSWORD EXPIRE NEVER;
				GRANT SYSTEM_VARIABLES_ADMIN, SYSTEM_USER ON *.* TO 'configurator'@'%';
				GRANT SELECT ON performance_schema.global_variables TO 'configurator'@'%';
			EOSQL
		fi

		"${mysql[@]}" <<-EOSQL
			-- What's done in this file shouldn't be replicated
			--  or products like mysql-fabric won't work
			SET @@SESSION.SQL_LOG_BIN=0;

			DELETE FROM mysql.user WHERE user NOT IN ('mysql.sys', 'mysqlxsys', 'root', 'mysql.infoschema', 'mysql.session') OR host NOT IN ('localhost') ;
			ALTER USER 'root'@'localhost' IDENTIFIED BY '$(escape_special "${MYSQL_ROOT_PASSWORD}")' ;
			GRANT ALL ON *.* TO 'root'@'localhost' WITH GRANT OPTION ;
			${rootCreate}
			/*!80016 REVOKE SYSTEM_USER ON *.* FROM root */;

			CREATE USER 'operator'@'${MYSQL_ROOT_HOST}' IDENTIFIED BY '$(escape_special "${OPERATOR_ADMIN_PASSWORD}")' PASSWORD EXPIRE NEVER;
			GRANT ALL ON *.* TO 'operator'@'${MYSQL_ROOT_HOST}' WITH GRANT OPTION ;

			${clustersetCreate}

			${configuratorCreate}

			CREATE USER 'xtrabackup'@'localhost' IDENTIFIED BY '$(escape_special "${XTRABACKUP_PASSWORD}")' PASSWORD EXPIRE NEVER;
			GRANT SYSTEM_USER, BACKUP_ADMIN, PROCESS, RELOAD, GROUP_REPLICATION_ADMIN, REPLICATION_SLAVE_ADMIN, LOCK TABLES, REPLICATION CLIENT ON *.* TO 'xtrabackup'@'localhost';
			GRANT SELECT ON performance_schema.replication_group_members TO 'xtrabackup'@'localhost';
			GRANT SELECT ON performance_schema.log_status TO 'xtrabackup'@'localhost';
			GRANT SELECT ON performance_schema.keyring_component_status TO 'xtrabackup'@'localhost';

			CREATE USER 'monitor'@'${MONITOR_HOST}' IDENTIFIED BY '$(escape_special "${MONITOR_PASSWORD}")' WITH MAX_USER_CONNECTIONS 100 PASSWORD EXPIRE NEVER;
			GRANT SYSTEM_USER, SELECT, PROCESS, SUPER, REPLICATION CLIENT, RELOAD, BACKUP_ADMIN ON *.* TO 'monitor'@'${MONITOR_HOST}';
			GRANT SELECT ON performance_schema.* TO 'monitor'@'${MONITOR_HOST}';
			${monitorConnectGrant}

			CREATE USER 'replication'@'%' IDENTIFIED BY '$(escape_special "${REPLICATION_PASSWORD}")' PASSWORD EXPIRE NEVER;
			GRANT DELETE, INSERT, UPDATE ON mysql.* TO 'replication'@'%' WITH GRANT OPTION;
			GRANT SELECT ON performance_schema.threads to 'replication'@'%';
			GRANT SYSTEM_USER, REPLICATION SLAVE, BACKUP_ADMIN, GROUP_REPLICATION_STREAM, CLONE_ADMIN, CONNECTION_ADMIN, CREATE USER, EXECUTE, FILE, GROUP_REPLICATION_ADMIN, PERSIST_RO_VARIABLES_ADMIN, PROCESS, RELOAD, REPLICATION CLIENT, REPLICATION_APPLIER, REPLICATION_SLAVE_ADMIN, ROLE_ADMIN, SELECT, SHUTDOWN, SYSTEM_VARIABLES_ADMIN ON *.* TO 'replication'@'%' WITH GRANT OPTION;

			CREATE USER 'orchestrator'@'%' IDENTIFIED BY '$(escape_special "${ORC_TOPOLOGY_PASSWORD}")' PASSWORD EXPIRE NEVER;
			GRANT SYSTEM_USER, SUPER, PROCESS, REPLICATION SLAVE, REPLICATION CLIENT, RELOAD ON *.* TO 'orchestrator'@'%';
			GRANT SELECT ON performance_schema.replication_group_members TO 'orchestrator'@'%';
			GRANT SELECT ON mysql.slave_master_info TO 'orchestrator'@'%';
			GRANT SELECT ON sys_operator.* TO 'orchestrator'@'%';

			CREATE DATABASE IF NOT EXISTS sys_operator;
			CREATE USER 'heartbeat'@'localhost' IDENTIFIED BY '$(escape_special "${HEARTBEAT_PASSWORD}")' PASSWORD EXPIRE NEVER;
			GRANT SYSTEM_USER, REPLICATION CLIENT ON *.* TO 'heartbeat'@'localhost';
			GRANT SELECT, CREATE, DELETE, UPDATE, INSERT ON sys_operator.heartbeat TO 'heartbeat'@'localhost';

			DROP DATABASE IF EXISTS test;
			FLUSH PRIVILEGES ;
		EOSQL

		if [ -n "$MYSQL_ROOT_PASSWORD" ]; then
			mysql+=(-p"${MYSQL_ROOT_PASSWORD}")
		fi
		set -x

		file_env 'MYSQL_DATABASE'
		if [ "$MYSQL_DATABASE" ]; then
			echo "CREATE DATABASE IF NOT EXISTS \`$MYSQL_DATABASE\` ;" | "${mysql[@]}"
			mysql+=("$MYSQL_DATABASE")
		fi

		file_env 'MYSQL_USER'
		file_env 'MYSQL_PASSWORD'
		{ set +x; } 2>/dev/null
		if [ "$MYSQL_USER" ] && [ "$MYSQL_PASSWORD" ]; then
			echo "CREATE USER '$MYSQL_USER'@'%' IDENTIFIED BY '$MYSQL_PASSWORD' ;" | "${mysql[@]}"

			if [ "$MYSQL_DATABASE" ]; then
				echo "GRANT ALL ON \`$MYSQL_DATABASE\`.* TO '$MYSQL_USER'@'%' ;" | "${mysql[@]}"
			fi

			echo 'FLUSH PRIVILEGES ;' | "${mysql[@]}"
		fi
		set -x

		echo
		ls /docker-entrypoint-initdb.d/ >/dev/null
		for f in /docker-entrypoint-initdb.d/*; do
			process_init_file "$f" "${mysql[@]}"
		done

		{ set +x; } 2>/dev/null
		if [ -n "$MYSQL_ONETIME_PASSWORD" ]; then
			"${mysql[@]}" <<-EOSQL
				ALTER USER 'root'@'%' PASSWORD EXPIRE;
			EOSQL
		fi
		set -x
		if ! kill -s TERM "$pid" || ! wait "$pid"; then
			echo >&2 'MySQL init process failed.'
			exit 1
		fi

		rm /var/lib/mysql/bootstrap.lock
		echo
		echo 'MySQL init process done. Ready for start up.'
		echo
	fi

	if [[ ${CLUSTER_TYPE} != "async" ]]; then
		load_group_replication_plugin
	fi
	ensure_read_only

	# exit when MYSQL_INIT_ONLY environment variable is set to avoid starting mysqld
	if [ -n "$MYSQL_INIT_ONLY" ]; then
		echo 'Initialization complete, now exiting!'
		exit 0
	fi
fi

if [[ ${MYSQL_VERSION} == '8.4' || ${MYSQL_VERSION} == '9.7' ]]; then
  # if vault secret file exists we assume we need to turn on encryption
  if [[ -f ${KEYRING_VAULT_PATH} ]]; then
    install_keyring_component
    add_encryption_options
  else
    uninstall_keyring_component
  fi
fi

if [[ -f /var/lib/mysql/full-cluster-crash ]]; then
	set +o xtrace
	node_name=$(hostname -f)
	gtid_executed=$(</var/lib/mysql/full-cluster-crash)
	namespace=$(</var/run/secrets/kubernetes.io/serviceaccount/namespace)

	echo "######FULL_CLUSTER_CRASH:${node_name}######"
	echo "You are in a full cluster crash. Operator will attempt to fix the issue automatically if you have spec.mysql.autoRecovery enabled."
	echo "MySQL pods will be up and running in read only mode."
	echo "Latest GTID_EXECUTED on this node is ${gtid_executed}"
	echo "If you have spec.mysql.autoRecovery disabled, wait for all pods to be up and running and connect to one of them using mysql-shell:"
	echo "kubectl -n ${namespace} exec -it $(hostname) -- mysqlsh root:<password>@localhost"
	echo "and run the following command to reboot cluster:"
	echo "dba.rebootClusterFromCompleteOutage()"
	echo "and delete /var/lib/mysql/full-cluster-crash file in each pod."
	echo "######FULL_CLUSTER_CRASH:${node_name}######"

	ensure_read_only
fi

recovery_file='/var/lib/mysql/sleep-forever'
if [ -f "${recovery_file}" ]; then
	set +o xtrace
	echo "The $recovery_file file is detected, node is going to infinity loop"
	echo "If you want to exit from infinity loop you need to remove $recovery_file file"
	for (( ; ; )); do
		if [ ! -f "${recovery_file}" ]; then
			exit 0
		fi
		sleep 3
	done
fi

if [[ -n ${MYSQL_NOTIFY_SOCKET} ]]; then
	export NOTIFY_SOCKET=${MYSQL_NOTIFY_SOCKET}
	unlink "${NOTIFY_SOCKET}" || true
	nohup /opt/percona/mysql-state-monitor >/var/lib/mysql/mysql-state-monitor.log 2>&1 </dev/null &
	monitor_pid=$!
	set +o xtrace
	for i in {1..30}; do
		[[ -S ${NOTIFY_SOCKET} ]] && break
		if ! kill -0 "${monitor_pid}" 2>/dev/null; then
			echo "mysql-state-monitor exited before creating ${NOTIFY_SOCKET} (see /var/lib/mysql/mysql-state-monitor.log)"
			break
		fi
		echo "Waiting for ${NOTIFY_SOCKET} to be available..."
		sleep 1
	done
	if [[ ! -S ${NOTIFY_SOCKET} ]]; then
		echo "Timed out waiting for ${NOTIFY_SOCKET} to be available"
		exit 1
	fi
	echo "${NOTIFY_SOCKET} is available"
	set -o xtrace
fi

exec "$@"
