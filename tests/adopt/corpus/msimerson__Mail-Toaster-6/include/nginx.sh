#!/bin/sh

mt6-include util

install_nginx()
{
	_jail="${1:-}"

	tell_status "installing nginx"
	stage_pkg_install nginx

	install_nginx_newsyslog

	if [ "$TOASTER_WEBMAIL_PROXY" = "nginx" ] && [ "$TOASTER_NGINX_ACME" = "1" ]; then
		stage_pkg_install nginx-acme
	fi

	if [ -z "$_jail" ]; then
		tell_status "no jail name, skipping options checks"
		return
	fi

	if [ ! -f "$ZFS_JAIL_MNT/$_jail/var/db/ports/www_nginx/options" ]; then
		return
	fi

	preserve_file "$_jail" "/var/db/ports/www_nginx/options"

	tell_status "installing nginx port with localized options"
	stage_pkg_install libmaxminddb gettext
	if [ "$TLS_LIBRARY" = "libressl" ]; then
		echo 'DEFAULT_VERSIONS+=ssl=libressl' >> "$STAGE_MNT/etc/make.conf"
	else
		echo 'DEFAULT_VERSIONS+=ssl=openssl' >> "$STAGE_MNT/etc/make.conf"
	fi
	stage_port_install www/nginx || exit 1
}

install_nginx_newsyslog()
{
	stage_enable_newsyslog

	tell_status "enabling nginx log file rotation"
	store_config "$STAGE_MNT/etc/newsyslog.conf.d/nginx.conf" <<EO_NG_NSL
# rotate nightly (default)
/var/log/nginx/*.log		root:wheel	644	 7     *   @T00   BCGX  /var/run/nginx.pid 30

# rotate when file size reaches 20M
#/var/log/nginx/*.log		root:wheel	644	 7     20480	 *   BCGX  /var/run/nginx.pid 30
EO_NG_NSL

}

nginx_listen()
{
	local _port="${1:-80}"
	local _opts="${2:-}"
	if [ -n "$_opts" ]; then _opts=" $_opts"; fi

	local _c6=""; if ! jail_has_ip6; then _c6="#"; fi

	printf '\t\tlisten       %s%s;\n\t\t%slisten  [::]:%s%s;\n' \
		"$_port" "$_opts" "$_c6" "$_port" "$_opts"
}

contains() {
	string="$1"
	substring="$2"
	if [ "${string#*"$substring"}" != "$string" ]; then return 0; fi
	return 1
}

configure_nginx_server_d()
{
	local _jail="$1"
	local _server_name="${2:-$_jail}"

	local _server_d
	_server_d="$(get_jail_data "$_jail")/etc/nginx/server.d"
	if [ ! -d "$_server_d" ]; then mkdir -p "$_server_d" || exit 1; fi

	local _server_conf="$_server_d/$_server_name.conf"

	# no more proxy protocol on backends, since nginx can't
	# send proxy protocol AND route URIs at the same time
	local _prefix; _prefix="server {
$(nginx_listen 80)"

	local _suffix='location ~ /\.ht {
			deny  all;
		}

		error_page   500 502 503 504  /50x.html;
		location = /50x.html {
			root   /usr/local/www/nginx-dist;
		}
	}'

	# for when caller sets custom server block
	if contains "$_NGINX_SERVER" "listen"; then
		_prefix=''
		_suffix=''
	fi

	store_config "$_server_conf" "update" <<EO_NGINX_SERVER_CONF
	$_prefix
		$_NGINX_SERVER
		$_suffix
EO_NGINX_SERVER_CONF
}

configure_nginx()
{
	if [ -z "$1" ]; then
		tell_status "missing jail name!"
		exit 1
	fi

	local _etcdir
	_etcdir="$(get_jail_data "$1")/etc/nginx"
	if [ ! -d "$_etcdir" ]; then mkdir -p "$_etcdir" || exit 1; fi

	stage_sysrc nginx_flags='-c /data/etc/nginx/nginx.conf'

	store_config "$_etcdir/nginx.conf" "update" <<EO_NGINX_CONF
# load_module /usr/local/libexec/nginx/ngx_http_acme_module.so;
load_module /usr/local/libexec/nginx/ngx_mail_module.so;
load_module /usr/local/libexec/nginx/ngx_stream_module.so;

worker_processes  1;

events {
	worker_connections  256;
}

http {
	include       /usr/local/etc/nginx/mime.types;
	default_type  application/octet-stream;

	sendfile        on;
	gzip on;

	map \$http_upgrade \$connection_upgrade {
		default  upgrade;
		''       close;
	}

	keepalive_timeout  65;

	set_real_ip_from $(get_jail_ip4 haproxy);
	set_real_ip_from $(get_jail_ip4 webmail);
	set_real_ip_from $(get_jail_ip6 haproxy);
	set_real_ip_from $(get_jail_ip6 webmail);
	real_ip_header   X-Forwarded-For;
	real_ip_recursive on;
	client_max_body_size 25m;

	upstream php {
		server unix:/tmp/php-cgi.socket;
		#server 127.0.0.1:9000;
	}

	upstream fcgi {
		server unix:/var/run/fcgiwrap/fcgiwrap.sock;
	}

	include /data/etc/nginx/server.d/*.conf;
}
EO_NGINX_CONF
}

start_nginx()
{
	tell_status "starting nginx"
	stage_sysrc nginx_enable=YES
	stage_exec service nginx start || stage_exec service nginx restart
}

test_nginx() {
	tell_status "testing nginx is running"
	stage_test_running nginx

	tell_status "testing nginx is listening"
	stage_listening 80
}
