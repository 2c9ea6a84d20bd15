# kube_snapshot_borgbackup module
