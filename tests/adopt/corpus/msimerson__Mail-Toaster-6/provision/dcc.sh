#!/bin/sh

set -e

. mail-toaster.sh

export JAIL_START_EXTRA=""
export JAIL_CONF_EXTRA=""
export JAIL_FSTAB
JAIL_FSTAB="$(get_jail_data dcc)/db		$ZFS_JAIL_MNT/dcc/var/db/dcc nullfs	rw	0	0"

install_dcc_cleanup()
{
	if [ ! -x "$STAGE_MNT/usr/local/libexec/cron-dccd" ]; then
		echo "ERROR: could not find cron-dccd!"
		exit 2
	fi

	if [ ! -d "$STAGE_MNT/var/db/dcc/log" ]; then
		echo "ERROR: could not find dcc log dir!"
		exit 2
	fi

	store_exec "$STAGE_MNT/usr/local/etc/periodic/daily/501.dccd-cleanup" <<EO_DCC
#!/bin/sh
/usr/local/libexec/cron-dccd
/usr/bin/find /var/db/dcc/log/ -not -newermt '1 days ago' -delete
EO_DCC
}

install_dcc_port_options()
{
	local SET=DCCIFD
	local UNSET="DCCGREY DCCD DCCM PORTS_MILTER"

	if jail_has_ip6; then
		SET="$SET IPV6"
	else
		UNSET="$UNSET IPV6"
	fi

	stage_make_conf dcc-dccd_SET "mail_dcc-dccd_SET=$SET"
	stage_make_conf dcc-dccd_UNSET "mail_dcc-dccd_UNSET=$UNSET"
	stage_make_conf LICENSES_ACCEPTED 'LICENSES_ACCEPTED=DCC'
}

install_dcc()
{
	install_dcc_port_options

	tell_status "install dcc"
	stage_port_install mail/dcc-dccd

	install_dcc_cleanup
}

configure_dcc()
{
	sed_inplace \
		-e '/^DCCIFD_ENABLE=/ s/off/on/' \
		-e '/^DCCM_LOG_AT=/ s/5/NEVER/' \
		-e '/^DCCM_REJECT_AT/ s/=.*/=MANY/' \
		-e "/^DCCIFD_ARGS/ s/-SList-ID\"/-SList-ID -p*,1025,$JAIL_NET_PREFIX.0\/24\"/" \
		"$STAGE_MNT/var/db/dcc/dcc_conf"

	local _pf_etc; _pf_etc="$(get_jail_host_etc dcc)/pf.conf.d"

	configure_pf_jail_table dcc

	store_config "$_pf_etc/filter.conf" <<EO_PF_FILTER
pass in quick proto udp from any port 6277 to <dcc>
EO_PF_FILTER

	store_config "$_pf_etc/rdr.conf" <<EO_PF_RDR
rdr inet  proto tcp from any to <ext_ip4> port 6277 -> $(get_jail_ip4  dcc)
rdr inet6 proto tcp from any to <ext_ip6> port 6277 -> $(get_jail_ip6 dcc)
EO_PF_RDR

}

start_dcc()
{
	tell_status "starting up dcc-ifd"
	stage_sysrc dccifd_enable=YES
	stage_exec service dccifd start
	if jail_has_ip6; then
		stage_exec cdcc info
	else
		stage_exec cdcc IPv6=off info
	fi
}

test_dcc()
{
	tell_status "testing dcc"
	stage_listening 1025 3
}

preflight()
{
	for _d in etc db log; do
		_path="$(get_jail_data dcc)/$_d"
		[ -d "$_path" ] || mkdir "$_path"
	done

	mkdir "$STAGE_MNT/var/db/dcc"
}

base_snapshot_exists || exit 1
create_staged_fs dcc
preflight
start_staged_jail dcc
install_dcc
configure_dcc
start_dcc
test_dcc
promote_staged_jail dcc
