#!/bin/sh

set -e

. mail-toaster.sh

service_config vpopmail
export TOASTER_VQADMIN=${TOASTER_VQADMIN:-"0"}

export JAIL_START_EXTRA=""
export JAIL_CONF_EXTRA=""
export JAIL_FSTAB
JAIL_FSTAB="$(get_jail_data vpopmail)/home $ZFS_JAIL_MNT/vpopmail/usr/local/vpopmail nullfs rw 0 0"

export VPOPMAIL_OPTIONS_SET=""
export VPOPMAIL_OPTIONS_UNSET="ROAMING PGSQL LDAP ORACLE SYBASE"

mt6-include vpopmail
mt6-include mysql
mt6-include qmail
mt6-include nginx

install_maildrop_port()
{
	stage_make_conf mail_maildrop_ "
mail_maildrop_UNSET=DOCS
"
	# libidn is needed for 3.0.x versions
	stage_pkg_install courier-unicode libidn2 pcre pcre2 perl5

	sed_inplace \
		-e 's/3\.[0-9]\.[0-9]/3.1.0/' \
		/usr/ports/mail/maildrop/Makefile

	if ! grep -qs 3.1.0 /usr/ports/mail/maildrop/distinfo; then
		tee -a /usr/ports/mail/maildrop/distinfo <<EO_MAILDROP_310
SHA256 (maildrop-3.1.0.tar.bz2) = b6000075de1d4ffd0d1e7dc3127bc06c04bf1244b00bae853638150823094fec
SIZE (maildrop-3.1.0.tar.bz2) = 2154698
EO_MAILDROP_310
	fi

	export BATCH=${BATCH:="1"}
	stage_port_install mail/maildrop
}

install_maildrop()
{
	tell_status "installing maildrop"
	stage_pkg_install maildrop
	#install_maildrop_port

	tell_status "installing maildrop filter file"
	fetch -o "$STAGE_MNT/etc/mailfilter" "$TOASTER_SRC_URL/qmail/filter.txt"

	tell_status "adding legacy mailfilter for MT5 compatibility"
	mkdir -p "$STAGE_MNT/usr/local/etc/mail"
	cp "$STAGE_MNT/etc/mailfilter" "$STAGE_MNT/usr/local/etc/mail/"

	tell_status "setting permissions on mailfilter files"
	chown 89:89 "$STAGE_MNT/etc/mailfilter" "$STAGE_MNT/usr/local/etc/mail/mailfilter"
	chmod 600 "$STAGE_MNT/etc/mailfilter" "$STAGE_MNT/usr/local/etc/mail/mailfilter"
}

install_nginx_vpopmail()
{
	tell_status "installing nginx and fcgiwrap"
	stage_pkg_install nginx fcgiwrap

	configure_nginx vpopmail

	_NGINX_SERVER="
	server {
		server_name vpopmail;

		root  /data/htdocs;
		index index.html;

$(nginx_listen 80)
"
	# single quoted, the $variables below are nginx's, not the shell's
	_NGINX_SERVER="$_NGINX_SERVER"'
		location /qmailadmin/ {
			alias /data/htdocs/qmailadmin/;
		}

		location ~ ^/cgi-bin/vqadmin/vqadmin(?<path_info>/.*|$) {
			auth_basic           "vqadmin";
			auth_basic_user_file /data/etc/WebUsers;

			fastcgi_pass  fcgi;
			include       /usr/local/etc/nginx/fastcgi_params;

			fastcgi_param PATH_INFO       $path_info;
			fastcgi_param SCRIPT_FILENAME /data/cgi-bin/vqadmin/vqadmin;
			fastcgi_param SCRIPT_NAME     /cgi-bin/vqadmin/vqadmin;
			fastcgi_param DOCUMENT_ROOT   /data;
			fastcgi_param QUERY_STRING    $query_string;
			fastcgi_param REQUEST_METHOD  $request_method;
			fastcgi_param CONTENT_TYPE    $content_type;
			fastcgi_param CONTENT_LENGTH  $content_length;
		}

		location ~ ^/cgi-bin/qmailadmin/qmailadmin(?<path_info>/.*|$) {
			fastcgi_pass  unix:/var/run/fcgiwrap/fcgiwrap.sock;
			include       /usr/local/etc/nginx/fastcgi_params;

			fastcgi_param PATH_INFO       $path_info;
			fastcgi_param SCRIPT_FILENAME /data/cgi-bin/qmailadmin/qmailadmin;
			fastcgi_param SCRIPT_NAME     /cgi-bin/qmailadmin/qmailadmin;
			fastcgi_param DOCUMENT_ROOT   /data;
			fastcgi_param QUERY_STRING    $query_string;
			fastcgi_param REQUEST_METHOD  $request_method;
			fastcgi_param CONTENT_TYPE    $content_type;
			fastcgi_param CONTENT_LENGTH  $content_length;
		}
	}'
	configure_nginx_server_d vpopmail

	stage_sysrc fcgiwrap_enable=YES
	stage_sysrc fcgiwrap_user="www"
	stage_sysrc fcgiwrap_group="www"
	stage_sysrc fcgiwrap_socket_owner="www"
	stage_sysrc fcgiwrap_socket_group="www"
	stage_exec service fcgiwrap start

	stage_sysrc nginx_flags="-c /data/etc/nginx/nginx.conf"
	stage_sysrc nginx_enable=YES
	stage_exec service nginx start
}

install_qmailadmin()
{
	tell_status "installing qmailadmin"
	stage_pkg_install autorespond ezmlm-idx autoconf automake help2man
	stage_make_conf mail_qmailadmin_ '
mail_qmailadmin_SET=HELP IDX IPAUTH MODIFY_QUOTA NOCACHE TRIVIAL_PASSWORD USER_INDEX
mail_qmailadmin_UNSET=CATCHALL CRACKLIB DOMAIN_AUTOFILL IDX_SQL SPAM_DETECTION SPAM_NEEDS_EMAIL
'

	if [ -f "$ZFS_JAIL_MNT/vpopmail/var/db/ports/mail_qmailadmin/options" ]; then
		if [ ! -d "$STAGE_MNT/var/db/ports/mail_qmailadmin" ]; then
			mkdir -p "$STAGE_MNT/var/db/ports/mail_qmailadmin"
		fi
		tell_status "preserving port options"
		cp "$ZFS_JAIL_MNT/vpopmail/var/db/ports/mail_qmailadmin/options" \
			"$STAGE_MNT/var/db/ports/mail_qmailadmin/"
	fi

	for _d in htdocs cgi-bin; do
		if [ ! -d "$(get_jail_data vpopmail)/$_d" ]; then
			mkdir "$(get_jail_data vpopmail)/$_d"
		fi
	done

	export WEBDATADIR=../../data/htdocs CGIBINDIR=../../data/cgi-bin CGIBINSUBDIR=qmailadmin

	# port requires newer autoconf than pkg has, 2026-04-04
	stage_make_conf devel_autoconf_ "
devel_autoconf_UNSET=INFO
"
	stage_port_install devel/autoconf
	stage_port_install mail/qmailadmin
}

install_vqadmin()
{
	if [ "$TOASTER_VQADMIN" != "1" ]; then return; fi

	tell_status "installing vqadmin"
	export WEBDATADIR=../../data/htdocs CGIBINDIR=../../data/cgi-bin
	stage_port_install mail/vqadmin
	stage_exec ln /data/cgi-bin/vqadmin/html/en-us /data/cgi-bin/vqadmin/html/en-US
}

install_vpopmail_mysql_grants()
{
	tell_status "enabling vpopmail MySQL access"

	local _vpe; _vpe="$STAGE_MNT/usr/local/vpopmail/etc/vpopmail.mysql"
	if [ ! -f "$_vpe" ]; then
		echo "ERR: where is $_vpe?"
		exit 1
	fi

	mysql_create_db vpopmail || mysql_error_warning

	mysql_db_exists vpopmail || return

	local _last; _last=$(grep -v ^# "$_vpe" | head -n1 | cut -f4 -d'|')
	if [ "$_last" != "secret" ]; then
		echo "preserving password $_last"
		return
	fi

	local _vpass; _vpass=$(get_random_pass 18 safe)

	# mysql doesn't allow a /24 (default prefix) within a /12 (default mask)
	local _ip="${JAIL_NET_PREFIX}.0/24"

	sed_inplace \
		-e "s/^localhost/$(get_jail_ip4 mysql)/" \
		-e 's/root/vpopmail/' \
		-e "s/secret/$_vpass/" \
		"$_vpe"

	tell_status "setting up mysql user vpopmail"
	mysql_create_user vpopmail "$_vpass" vpopmail stage vpopmail dovecot \
		"$(get_jail_ip4 stage)" "$(get_jail_ip4 vpopmail)" "$(get_jail_ip4 dovecot)" \
		"$(get_jail_ip6 stage)" "$(get_jail_ip6 vpopmail)" "$(get_jail_ip6 dovecot)"
}

install_vpopmail_mysql_aliastable()
{
	echo "CREATE TABLE IF NOT EXISTS aliasdomains (alias varchar(100) NOT NULL, domain varchar(100) NOT NULL, PRIMARY KEY (alias));" | mysql_query vpopmail || return 1
}

alter_vpopmail_tables()
{
        echo "ALTER TABLE vpopmail.vpopmail
		MODIFY COLUMN pw_name   varchar(64),
                MODIFY COLUMN pw_domain varchar(96),
                MODIFY COLUMN pw_passwd varchar(128),
                MODIFY COLUMN pw_gecos  varchar(64),
                MODIFY COLUMN pw_dir    varchar(160),
                MODIFY COLUMN pw_clear_passwd varchar(128);" | mysql_query vpopmail

        echo "ALTER TABLE vpopmail.lastauth
		MODIFY COLUMN user      varchar(64),
                MODIFY COLUMN domain    varchar(96),
                MODIFY COLUMN remote_ip varchar(39);" | mysql_query vpopmail
}

install_vpop_nrpe()
{
	if [ -z "$TOASTER_NRPE" ]; then
		echo "TOASTER_NRPE unset, skipping nrpe plugin"
		return
	fi

	tell_status "install nagios plugins (mailq)"
	stage_pkg_install nagios-plugins
}

install_qqtool()
{
	tell_status "installing qqtool"
	fetch -o "$STAGE_MNT/usr/local/bin/qqtool" "$TOASTER_SRC_URL/qmail/qqtool.pl"
	chmod 755 "$STAGE_MNT/usr/local/bin/qqtool"
}

install_quota_report()
{
	_qr="$STAGE_MNT/usr/local/etc/periodic/daily/toaster-quota-report"

	tell_status "installing quota_report"
	mkdir -p "$STAGE_MNT/usr/local/etc/periodic/daily"
	fetch -o "$_qr" "$TOASTER_SRC_URL/qmail/toaster-quota-report"
	chmod 755 "$_qr"

	sed_inplace \
		-e "/\$admin/ s/postmaster@example.com/$TOASTER_ADMIN_EMAIL/" \
		-e "/assistance/ s/example.com/$TOASTER_HOSTNAME/" \
		-e "s/My Great Company/$TOASTER_ORG_NAME/" \
		"$_qr"
}

install_vpopmail()
{
	install_qmail
	configure_qmail
	install_maildrop
	install_qqtool
	install_quota_report

	if [ "$(freebsd_major "$STAGE_MNT")" -gt "12" ]; then
		echo "CFLAGS+= -fcommon" >> "$STAGE_MNT/etc/make.conf"
	fi

	tell_status "installing vpopmail package"
	stage_pkg_install vpopmail gmake autoconf
	#stage_port_install devel/gmake

	install_vpopmail_port
	#install_vpopmail_source

	if [ "$TOASTER_MYSQL" = "1" ]; then
		install_vpopmail_mysql_grants
		install_vpopmail_mysql_aliastable
	fi

	install_qmailadmin
	install_nginx_vpopmail
	install_vqadmin
	install_vpop_nrpe
}

configure_qmail()
{
	tell_status "enabling qmail"
	stage_exec /var/qmail/scripts/enable-qmail

	local _alias="$STAGE_MNT/var/qmail/alias"
	echo "$TOASTER_ADMIN_EMAIL" | tee "$_alias/.qmail-root"
	echo "$TOASTER_ADMIN_EMAIL" | tee "$_alias/.qmail-postmaster"
	echo "$TOASTER_ADMIN_EMAIL" | tee "$_alias/.qmail-mailer-daemon"
}

configure_vpopmail()
{
	tell_status "setting up daemon supervision"
	cp include/qmail.sh "$STAGE_MNT/tmp/qmail-run.sh"
	chmod 755 "$STAGE_MNT/tmp/qmail-run.sh"
	stage_exec sh -c ". /tmp/qmail-run.sh && install_supervision"

	if [ ! -d "$STAGE_MNT/usr/local/vpopmail/domains/$TOASTER_MAIL_DOMAIN" ]; then
		local _ppass; _ppass=$(get_random_pass 14)
		tell_status "ATTN: Your postmaster password is: $_ppass"
		stage_exec /usr/local/vpopmail/bin/vadddomain "$TOASTER_MAIL_DOMAIN" "$_ppass"
	fi

	if [ "$TOASTER_MYSQL" = "1" ]; then
		alter_vpopmail_tables
	fi
}

start_vpopmail()
{
	stage_sysrc svscan_enable=YES
	stage_exec service svscan start
}

test_vpopmail()
{
	echo "testing vpopmail"
	sleep 1 # give the daemons a second to start listening
	stage_listening 25 2
	stage_listening 80 1
	stage_listening 89 1
	stage_listening 8998 2

	stage_test_running nginx
}

migrate_vpopmail_home()
{
	if [ ! -d "$(get_jail_data vpopmail)/domains" ]; then
		# no vpopmail data or data already migrated
		return
	fi

	echo '
	WARNING: vpopmail data migration required. Migration requires that you
	         manually perform the following steps:

	1. stop the running dovecot and vpopmail jails

		   service jail stop dovecot vpopmail

	2. move the vpopmail data into a "home" subdirectory

           cd /data/vpopmail
           mkdir home
           mv bin doc domains etc include lib qmail-control qmail-users home/

    3. edit /etc/jail.conf per this diff:

# diff -u /etc/jail.conf.bak /etc/jail.conf
--- /etc/jail.conf.bak	2023-09-29 18:18:38.958413000 -0400
+++ /etc/jail.conf	2023-09-29 18:18:46.394384000 -0400
@@ -17,14 +17,15 @@
 vpopmail	{
 		ip4.addr = 172.16.15.8;
 		ip6.addr = lo1|fd7a:e5cd:1fc1:bc2c:dead:beef:cafe:0008;
-		mount += "/data/vpopmail $path/usr/local/vpopmail nullfs rw 0 0";
+		mount += "/data/vpopmail $path/data nullfs rw 0 0";
+		mount += "/data/vpopmail/home $path/usr/local/vpopmail nullfs rw 0 0";
 	}

 dovecot	{
 		ip4.addr = 172.16.15.15;
 		ip6.addr = lo1|fd7a:e5cd:1fc1:bc2c:dead:beef:cafe:000f;
 		mount += "/data/dovecot $path/data nullfs rw 0 0";
-		mount += "/data/vpopmail $path/usr/local/vpopmail nullfs rw 0 0";
+		mount += "/data/vpopmail/home $path/usr/local/vpopmail nullfs rw 0 0";
 	}

	4. start the dovecot and vpopmail jails

		   service jail start vpopmail dovecot

	'
}

tell_settings VPOPMAIL
migrate_vpopmail_home
base_snapshot_exists || exit 1
create_staged_fs vpopmail

mkdir -p "$STAGE_MNT/usr/local/vpopmail" \
	"$(get_jail_data vpopmail)/home" \
	"$(get_jail_data vpopmail)/etc"

start_staged_jail vpopmail
install_vpopmail
configure_vpopmail
start_vpopmail
test_vpopmail
promote_staged_jail vpopmail
