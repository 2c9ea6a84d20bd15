#!/bin/bash
set -e

err_report() {
  echo "Image preparation halted, fail to execute: ${BASH_COMMAND}"
}
trap 'err_report' ERR

# Wait for puppet run to complete
lock=$(/opt/puppetlabs/puppet/bin/puppet agent --configprint agent_catalog_run_lockfile)
deadline=$((SECONDS + 60))
until [[ ! -e "$lock" ]]; do
    if (( SECONDS >= deadline )); then
        echo "Timed out waiting for Puppet to complete" >&2
        exit 1
    fi
    sleep 2
done

# verify puppet last run completed successfully
test -f /opt/puppetlabs/puppet/cache/state/last_run_report.yaml
grep --quiet -P "^status: (changed|unchanged)" /opt/puppetlabs/puppet/cache/state/last_run_report.yaml

systemctl stop puppet
systemctl stop slurmd &> /dev/null || true
systemctl stop consul &> /dev/null || true
systemctl stop consul-template &> /dev/null || true
systemctl disable puppet
systemctl disable slurmd &> /dev/null || true
systemctl disable consul &> /dev/null || true
systemctl disable consul-template &> /dev/null || true

test -f /var/log/ipaclient-install.log && /sbin/ipa-client-install -U --uninstall
rm -f /var/log/ipaclient-uninstall.log
rm -f /var/log/ipaclient-install.log
rm -rf /etc/sssd/sssd.conf.deleted

rm -rf /etc/puppetlabs
rm -rf /opt/puppetlabs/puppet/cache/{clientbucket,client_data,client_yaml,state}
test -f /opt/consul/node-id && rm /opt/consul/node-id
test -f /opt/consul/checkpoint-signature && rm /opt/consul/checkpoint-signature
test -f /opt/consul/serf/local.snapshot && rm /opt/consul/serf/local.snapshot

# Turn off swap
swapoff -a
grep -q "swap" /etc/fstab && rm -f $(grep "swap" /etc/fstab | cut -f 1)
# Unmount filesystems
umount -a --types cephfs,nfs4 -i
# for xfs, we unmount only what's in /mnt, not things like / or /boot
grep xfs /etc/fstab | cut -f 2 | grep /mnt | xargs --no-run-if-empty umount
grep -P '(ext4|xfs|vfat|^#|^$)' /etc/fstab | grep -v /mnt > /etc/fstab.new
mv -f /etc/fstab.new /etc/fstab
systemctl daemon-reload

systemctl stop rsyslog
: > /var/log/messages
: > /var/log/secure
: > /var/log/cron
test -d /var/log/audit && : > /var/log/audit/audit.log

if [ -f /etc/cloud/cloud-init.disabled ]; then
  # This is for GCP where we install cloud-init on first boot
  rm /etc/cloud/cloud-init.disabled
  yum install -y cloud-init
  systemctl disable cloud-init
fi
cloud-init clean --logs
rm -rf /var/lib/cloud

# Remove all internal domain host entries
grep -v $(hostname -d) /etc/hosts > /etc/hosts.clean
mv /etc/hosts.clean /etc/hosts

rm -f /etc/hostname
rm -f /etc/udev/rules.d/70-persistent-net.rules
: > /etc/sysconfig/network
: > /etc/machine-id

rm /etc/NetworkManager/conf.d/zzz-puppet.conf
: > /etc/resolv.conf

if [ -d /etc/sysconfig/network-scripts ]; then
  cat > /etc/sysconfig/network-scripts/ifcfg-eth0 << EOF
DEVICE=eth0
TYPE=Ethernet
ONBOOT=yes
BOOTPROTO=dhcp
EOF
fi

if [ -d /etc/NetworkManager/system-connections ]; then
  rm -f /etc/NetworkManager/system-connections/*.nmconnection
fi

halt -p
