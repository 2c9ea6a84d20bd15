#!/usr/bin/env bash
set -e

echo "===================="
echo "== Configure SFTP =="
echo "===================="

airflow connections add ftp_server \
                       --conn-type ssh \
                       --conn-host ftp-server \
                       --conn-login $SFTP_USER \
                       --conn-port 22 \
                       --conn-password $SFTP_PASS

mkdir -p ${HOME}/.ssh
sudo apt-get update
sudo apt-get install -y openssh-client sshpass
ssh-keyscan ftp-server >> ${HOME}/.ssh/known_hosts
