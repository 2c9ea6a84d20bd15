#!/usr/bin/env bash
set -e
$SHELL /mnt/cluster-init/slurm/default/files/install-non-scheduler.sh login