#!/bin/sh

set -e

. mail-toaster.sh

export JAIL_START_EXTRA=""
export JAIL_CONF_EXTRA
JAIL_CONF_EXTRA="
		allow.raw_sockets;
		exec.poststart = \"$(get_jail_host_etc dns)/rc.d/poststart.sh\";
		exec.prestop = \"$(get_jail_host_etc dns)/rc.d/prestop.sh\";
"
export JAIL_FSTAB=""

install_unbound()
{
	tell_status "installing unbound"
	stage_pkg_install unbound
}

get_mt6_data()
{
	local _spf_ips="ip4:${JAIL_NET_PREFIX}.0/${JAIL_NET_MASK} ip6:$JAIL_NET6::/112"

	if has_public_ip4; then _spf_ips="$_spf_ips ip4:$PUBLIC_IP4"; fi
	if has_public_ip6; then _spf_ips="$_spf_ips ip6:$PUBLIC_IP6"; fi

	local _has_ip6=0 _hostname_aaaa=""
	if jail_has_ip6; then
		_has_ip6=1
		_hostname_aaaa="
	   local-data: \"$TOASTER_HOSTNAME AAAA $(get_jail_ip6 vpopmail)\""
	fi

	echo "

	   local-zone: $TOASTER_MAIL_DOMAIN typetransparent
	   local-data: \"stage		A $(get_jail_ip4 stage)\"
	   local-data: \"$(get_reverse_ip stage) PTR stage\"
	   local-data: \"$TOASTER_HOSTNAME A $(get_jail_ip4 vpopmail)\"$_hostname_aaaa
	   local-data: '$TOASTER_MAIL_DOMAIN TXT \"v=spf1 a mx $_spf_ips -all\"'
	   local-data: \"freebsd-update		A $(get_jail_ip4 bsd_cache)\"
	   local-data: \"pkg				A $(get_jail_ip4 bsd_cache)\"
	   local-data: \"vulnxml		    A $(get_jail_ip4 bsd_cache)\""

	if [ "$TOASTER_HOSTNAME" != "$TOASTER_MAIL_DOMAIN" ]; then
		echo -n "
	   local-data: '$TOASTER_HOSTNAME TXT \"v=spf1 a $_spf_ips -all\"'
	   local-data: \"$TOASTER_MAIL_DOMAIN MX 0 $TOASTER_HOSTNAME\""
	fi

	for _j in $JAIL_ORDERED_LIST; do
		echo "
	   local-data: \"$_j		A $(get_jail_ip4 "$_j")\"
	   local-data: \"$(get_reverse_ip "$_j") PTR $_j\""

		if [ "$_has_ip6" = 0 ]; then continue; fi

		echo "	   local-data: \"$_j		AAAA $(get_jail_ip6 "$_j")\"
	   local-data: \"$(get_reverse_ip6 "$_j") PTR $_j\""
	done
}

install_access_conf()
{
	# An empty address would emit "access-control:  allow", which unbound
	# rejects. Omit the entry instead of writing a file that will not parse.
	local _public_acl=""
	if has_public_ip4; then
		_public_acl="	   access-control: $PUBLIC_IP4 allow"
	else
		tell_status "no public IPv4 found, omitting its access-control entry"
	fi

	local _public_acl6=""
	if has_public_ip6; then
		_public_acl6="	   access-control: $PUBLIC_IP6 allow"
	fi

	store_config "$(get_jail_data dns)/access.conf" "update" <<EO_UNBOUND_ACCESS

	   access-control: 0.0.0.0/0 refuse
	   access-control: 127.0.0.0/8 allow
	   access-control: ${JAIL_NET_PREFIX}.0${JAIL_NET_MASK} allow
$_public_acl
	   access-control: $JAIL_NET6::/112 allow
$_public_acl6

EO_UNBOUND_ACCESS
}

install_forward_conf()
{
	store_config "$(get_jail_data dns)/forward.conf" "update" <<EO_UNBOUND_FORWARD
# Comparison Table: Forward vs Stub Zones
# | Feature         | Forward Zone                    | Stub Zone                      |
# | :-------------- | :------------------------------ | :----------------------------- |
# | Upstream Role   | Recursive Resolver (ISP, etc.)  | Authoritative Server (BIND)    |
# | Query Type      | Recursive ("Find this for me")  | Iterative ("Give me what you") |
# | Caching         | Relies on forwarder + local     | Builds own local cache         |
# | Fallback        | Falls back to root hints        | Does not fall back             |

# forward-zone:
# 	name: "example.com"
# 	forward-addr: 192.0.2.68
# 	forward-addr: 192.0.2.73@5355  # port 5355.
#   forward-host: fwd.example.com
# 	forward-first: no

EO_UNBOUND_FORWARD
}

install_stub_conf()
{
	store_config "$(get_jail_data dns)/stub.conf" "update" <<EO_UNBOUND_STUB
# Comparison Table: Forward vs Stub Zones
# | Feature         | Forward Zone                    | Stub Zone                      |
# | :-------------- | :------------------------------ | :----------------------------- |
# | Upstream Role   | Recursive Resolver (ISP, etc.)  | Authoritative Server (BIND)    |
# | Query Type      | Recursive ("Find this for me")  | Iterative ("Give me what you") |
# | Caching         | Relies on forwarder + local     | Builds own local cache         |
# | Fallback        | Falls back to root hints        | Does not fall back             |

# stub-zone:
#       name: "example.com"
#       stub-addr: 192.0.2.68


EO_UNBOUND_STUB
}

install_local_conf()
{
	store_config "$(get_jail_data dns)/mt6-local.conf" "overwrite" <<EO_UNBOUND
	   $UNBOUND_LOCAL

	   $(get_mt6_data)
EO_UNBOUND
}

tweak_unbound_conf()
{
	tell_status "configuring unbound.conf"

	local _prefer_ip6="no"
	if ! has_public_ip4; then
		tell_status "no public IPv4 found, preferring IPv6 for resolution"
		_prefer_ip6="yes"
	fi

	local _if6="interface: ::0"
	if ! jail_has_ip6; then
		tell_status "no IPv6 for this jail, unbound will not bind it"
		_if6="# interface: ::0"
	fi

	# shellcheck disable=1004
	sed_inplace \
		-e "s/# prefer-ip6: no\$/prefer-ip6: $_prefer_ip6/" \
		-e 's/# interface: 192.0.2.153$/interface: 0.0.0.0/' \
		-e "s/# interface: 192.0.2.154\$/$_if6/" \
		-e '/# use-syslog/s/# //' \
		-e '/# chroot: /s/# //' \
		-e '/chroot: /s/".*"/""/' \
		-e '/# hide-identity: /s/# //' \
		-e '/hide-identity: /s/no/yes/' \
		-e '/# hide-version: /s/# //' \
		-e '/hide-version: /s/no/yes/' \
		-e '/# access-control: ::ffff:127.*/ a\
include: "/data/access.conf" \
' \
		-e '/# local-data-ptr:.*/ a\
include: "/data/mt6-local.conf" \
' \
		-e '/^remote-control:/ a\
	include: "/data/control.conf" \
' \
		-e '/fwd.example.com$/ a\
include: "/data/forward.conf" \
' \
		-e '/stub-host: ns.example.com.$/ a\
include: "/data/stub.conf" \
' \
		"$UNBOUND_DIR/unbound.conf"
}

enable_control()
{
	if [ -d "$(get_jail_data dns)/control" ]; then
		tell_status "preserving unbound-control"
		return
	fi

	tell_status "creating $(get_jail_data dns)/control"
	mkdir "$(get_jail_data dns)/control"

	tell_status "configuring unbound-control"
	store_config "$(get_jail_data dns)/control.conf" "update" <<EO_CONTROL_CONF
		control-enable: yes
		control-interface: 0.0.0.0

		# chroot must be disabled for unbound to access the server certs here
		server-key-file: "/data/control/unbound_server.key"
		server-cert-file: "/data/control/unbound_server.pem"

		control-key-file: "/data/control/unbound_control.key"
		control-cert-file: "/data/control/unbound_control.pem"
EO_CONTROL_CONF

	sed_inplace \
		-e '/^DESTDIR=/ s/=.*$/=\/data\/control/' \
		"$STAGE_MNT/usr/local/sbin/unbound-control-setup"

	stage_exec /usr/local/sbin/unbound-control-setup
}

configure_unbound()
{
	UNBOUND_DIR="$STAGE_MNT/usr/local/etc/unbound"
	UNBOUND_LOCAL=""

	cp "$UNBOUND_DIR/unbound.conf.sample" "$UNBOUND_DIR/unbound.conf"
	if [ -f 'unbound.conf.local' ]; then
		tell_status "moving unbound.conf.local to data volume"
		mv unbound.conf.local "$(get_jail_data dns)/"
	fi

	_ub_local_conf="$(get_jail_data dns)/unbound.conf.local"
	if [ ! -f "$_ub_local_conf" ]; then
		store_config "$_ub_local_conf" <<EO_UB_LOCAL_CONF

	#local-data "example.tld.com	A 172.16.16.1"
	#local-data "1.16.16.172.in-addr.arpa	PTR example.tld.com"

EO_UB_LOCAL_CONF
	fi

	tell_status "activating unbound.conf.local"
	UNBOUND_LOCAL='include: "/data/unbound.conf.local"'

	enable_control
	tweak_unbound_conf

	get_public_ip6
	get_public_ip4

	install_access_conf
	install_forward_conf
	install_stub_conf
	install_local_conf
}

start_unbound()
{
	tell_status "starting unbound"
	stage_sysrc unbound_enable=YES
	stage_exec service unbound start
}

test_unbound()
{
	tell_status "testing unbound"
	stage_test_running unbound

	# use stage IP for DNS resolution
	echo "nameserver $(get_jail_ip4 stage)" | tee "$STAGE_MNT/etc/resolv.conf"

	# test if we get an answer
	stage_exec host dns

	# set it back to production value
	echo "nameserver $(get_jail_ip4 dns)" | tee "$STAGE_MNT/etc/resolv.conf"
	echo "it worked."

	if [ -f "$(get_jail_data dns)/unbound.conf" ]; then
		stage_sysrc unbound_config=/data/unbound.conf
	fi
}

switch_host_resolver()
{
	if sysrc -c -f /etc/resolvconf.conf resolvconf=NO; then
		echo "turning resolvconf back on"
		truncate -s 0 /etc/resolvconf.conf
	fi

	store_exec "$(get_jail_host_etc dns)/rc.d/poststart.sh" <<EO_POSTSTART
#!/bin/sh
echo "nameserver $(get_jail_ip4 dns) $(get_jail_ip6 dns)" | /sbin/resolvconf -a lo1.dns -m 0
EO_POSTSTART

	store_exec "$(get_jail_host_etc dns)/rc.d/prestop.sh" <<EO_PRESTOP
#!/bin/sh
/sbin/resolvconf -d lo1.dns
EO_PRESTOP
}

base_snapshot_exists || exit 1
create_staged_fs dns
start_staged_jail dns
install_unbound
configure_unbound
start_unbound
test_unbound
switch_host_resolver
promote_staged_jail dns
