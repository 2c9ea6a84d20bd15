#!/usr/bin/env bash
set -e
set -o pipefail

run_slurmdbd_via_systemctl() {

    echo "Starting slurmdbd via systemctl..."
    systemctl start slurmdbd

    # Verify slurmdbd is responding with retry logic
    attempts=3
    delay=5
    ping_rc=1
    set +e
    for (( i=1; i<=attempts; i++ )); do
        echo $i/$attempts sleeping $delay seconds before running sacctmgr ping
        sleep $delay
        sacctmgr ping > /dev/null 2>&1
        ping_rc=$?
        if [ "$ping_rc" -eq 0 ]; then
            echo "slurmdbd is running and responding to ping"
            set -e
            return 0
        fi
    done
    set -e

    if [ "$ping_rc" -ne 0 ]; then
        echo "ERROR: slurmdbd started but is not responding to sacctmgr ping after $attempts attempts"
        exit 2
    fi
}

run_slurmdbd() {

    if [[ $(jetpack config slurm.is_primary_scheduler True) == "False" ]]; then
        run_slurmdbd_via_systemctl
        return
    fi
    # Get the slurm version from scontrol
    slurm_version=$(scontrol --version | awk '{print $2}')
    if [ -z "$slurm_version" ]; then
        echo "Failed to get slurm version from scontrol --version"
        return 1
    fi
    echo "Slurm version: $slurm_version"

    # Define the expected startup message
    startup_message="slurmdbd version ${slurm_version} started"
    echo "Waiting for startup message: $startup_message"

    # Create a temp file for slurmdbd output
    log_file=$(mktemp)

    # Start slurmdbd in foreground as user slurm, redirect output to log file
    # use setsid to start slurmdbd in a new session.
    setsid sudo -u slurm /usr/sbin/slurmdbd -D > "$log_file" 2>&1 &
    slurmdbd_pid=$!

    # Monitor the log file for the startup message.
    # slurmdbd rollup can take a long time. We are considering a timeout of 1 hr.
    timeout=3600
    elapsed=0
    started=false

    while [ $elapsed -lt $timeout ]; do
        if grep -q "$startup_message" "$log_file" 2>/dev/null; then
            echo "Detected slurmdbd startup message"
            started=true
            break
        fi
        sleep 1
        elapsed=$((elapsed + 1))
    done


    # Only kill the foreground process if started successfully
    if [ "$started" == "true" ]; then
        # Kill the foreground slurmdbd process
        if [ -n "$slurmdbd_pid" ] && kill -0 $slurmdbd_pid 2>/dev/null; then
            echo "Stopping foreground slurmdbd process (PID: $slurmdbd_pid)"
            kill -INT $slurmdbd_pid
            # Wait up to 60 seconds for graceful shutdown
            wait_timeout=60
            while [ $wait_timeout -gt 0 ] && kill -0 $slurmdbd_pid 2>/dev/null; do
                sleep 1
                wait_timeout=$((wait_timeout - 1))
            done

            # Force kill if still running
            if kill -0 $slurmdbd_pid 2>/dev/null; then
                echo "Process did not exit gracefully, sending SIGKILL"
                kill -9 $slurmdbd_pid 2>/dev/null
                sleep 1
            fi
            echo "Foreground slurmdbd process stopped"
        fi

        run_slurmdbd_via_systemctl
    else
        echo "slurmdbd startup is taking long, manual intervention is required"
    fi

    # clean up the log file
    rm -f "$log_file"
}

run_slurmctld() {
    echo "Starting Slurmctld"
    systemctl start slurmctld
    attempts=3
    delay=5
    set +e
    for i in $( seq 1 $attempts ); do
        echo $i/$attempts sleeping $delay seconds before running scontrol ping
        sleep $delay
        scontrol ping > /dev/null 2>&1;
        if [ $? == 0 ]; then
            systemctl start slurmctld || exit 1
            break
        fi;
    done
    if [ $i == $attempts ] && [ $? != 0 ]; then
        echo FATAL: slurmctld failed to start! 1>&2
        echo Here are the last 100 lines of slurmctld.log
        tail -n 100 /var/log/slurmctld/slurmctld.log 1>&2
        exit 2
    fi
}

run_slurmrestd() {
    if [[ "$OS" == "sle_hpc" ]]; then
        echo Warning: slurmrestd is not supported on SUSE, skipping start. 1>&2
        exit 0
    fi

    systemctl start slurmrestd
    systemctl status slurmrestd --no-pager > /dev/null
    if [ $? != 0 ]; then
        echo Warning: slurmrestd failed to start! 1>&2
        /opt/cycle/jetpack/bin/jetpack log "slurmrestd failed to start" --level=warn --priority=medium
        exit 0
    fi
}

reload_prom_config(){
    # Find the Prometheus process and send SIGHUP to reload config or log a warning if not found
    if [[ "$monitoring_enabled" == "False" ]]; then
        echo "Monitoring is disabled, skipping Prometheus config reload"
        return 0
    fi
    PROM_PID=$(pgrep -f 'prometheus')
    if [ -n "$PROM_PID" ]; then
        echo "Sending SIGHUP to Prometheus (PID $PROM_PID) to reload configuration"
        kill -HUP $PROM_PID
    else
        echo "Prometheus process not found, unable to reload configuration"
    fi  
}

run_azslurm_exporter() {
    # Start azslurm-exporter systemd
    if [[ "$role" != "scheduler" ]]; then
        echo "AzSlurm Exporter can only be run on the scheduler node, skipping start."
        return 0
    fi

    primary_scheduler=$(/opt/cycle/jetpack/bin/jetpack config slurm.is_primary_scheduler True)
    if [[ "$primary_scheduler" != "True" ]]; then
        #reloading prom config to get updated hostname for HA node
        reload_prom_config
        echo "This is not the primary scheduler, skipping azslurm-exporter start."
        return 0
    fi

    systemctl start azslurm-exporter
    systemctl status azslurm-exporter --no-pager > /dev/null
    if [ $? != 0 ]; then
        echo Warning: azslurm-exporter failed to start! 1>&2
        /opt/cycle/jetpack/bin/jetpack log "azslurm-exporter failed to start" --level=warn --priority=medium
        return 0
    fi

    reload_prom_config

    # Get the port from the systemd service environment
    AZSLURM_EXPORTER_PORT=$(systemctl show azslurm-exporter --property=Environment | grep -oP 'AZSLURM_EXPORTER_PORT=\K[0-9]+')
    sleep 20
    if curl -s http://localhost:${AZSLURM_EXPORTER_PORT}/metrics | grep -q "azslurm_partition_info"; then
        echo "AzSlurm Exporter metrics are available"
    else
        echo "AzSlurm Exporter metrics are not available"
        /opt/cycle/jetpack/bin/jetpack log "AzSlurm Exporter metrics are not available" --level=warn --priority=medium
    fi 
}

ensure_enroot_dir() {
    # In some cases /tmp or even ephemeral disks may clear on reboot.
    # This ensures the cyclecloud-slurm-configured enroot scratch directory is present.
    # It's a no-op if the directory is already present or if the enroot scratch dir is
    # not defined in the config file.
    #
    CONF=/etc/enroot/enroot.conf

    # no-op if enroot.conf does not exist
    if [ ! -f "$CONF" ]; then
        return 0
    fi

    # extract ENROOT_SCRATCH_PATH value
    ENROOT_SCRATCH_PATH=$(awk '$1=="ENROOT_SCRATCH_PATH"{print $2}' "$CONF")

    #no op if ENROOT_SCRATCH_PATH is not defined
    if [ -z "$ENROOT_SCRATCH_PATH" ]; then
        echo "Warning: ENROOT_SCRATCH_PATH is not defined in $CONF; skipping enroot scratch dir setup."
        return 0
    fi
    # create enroot scratch dir and set perms
    mkdir -p "$ENROOT_SCRATCH_PATH"
    chmod 1777 "$ENROOT_SCRATCH_PATH"
}

{ 
    if [ "$1" == "" ]; then
        echo "Usage: $0 [scheduler|execute|login]"
        exit 1
    fi

    role=$1

    ensure_enroot_dir

    OS=$(. /etc/os-release; echo $ID)
    echo "Starting services"
    # all nodes need to have munge running
    echo restarting munge...
    systemctl restart munge
    # wait up to 60 seconds for munge to start
    iters=60
    while [ $iters -ge 0 ]; do
        echo test | munge > /dev/null 2>&1
        if [ $? == 0 ]; then
            break
        fi
        sleep 1
        iters=$(( $iters - 1 ))
    done

    monitoring_enabled=$(/opt/cycle/jetpack/bin/jetpack config cyclecloud.monitoring.enabled False)

    # login nodes explicitly should _not_ have slurmd running.
    if [ $role == "login" ]; then
        reload_prom_config
        exit 0
    fi

    # execute nodes just need slurmd
    if [ $role == "execute" ]; then
        systemctl start slurmd
        reload_prom_config
        exit 0
    fi

    # sanity check - make sure a valid role was actually passed in.
    # note they are defined in the slurm_*_role.rb
    if [ $role != "scheduler" ]; then
        echo  unknown role! $role 1>&2
        exit 2
    fi

    # lastly - the scheduler
    use_accounting=$(jetpack config slurm.accounting.enabled False)
    if [ "$use_accounting" == "True" ]; then  
        run_slurmdbd
    else
        echo "Warning: slurm.accounting.enabled=${use_accounting}: skipping slurmdbd" >&2
    fi

    run_slurmctld

    run_slurmrestd

    if [[ "$monitoring_enabled" == "True" ]]; then
        run_azslurm_exporter
    fi

    echo "Successfully started all relevant slurm services"
    
} 2>&1 | tee -a /var/log/azure-slurm-install.log
