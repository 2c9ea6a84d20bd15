#!/bin/bash


migrate() {
  echo applying migrations - django_peeringdb
  # always fake, since peeeringdb_server does not use concrete models
  manage migrate django_peeringdb --fake
  echo applying all migrations
  manage migrate
}


cd /srv/www.peeringdb.com


case "$1" in
  "uwsgi" )
    echo starting uwsgi
    if [[ "$PDB_NO_MIGRATE" == "" ]]; then
      migrate
    fi
    exec venv/bin/uwsgi --ini etc/django-uwsgi.ini
    ;;
  "migrate" )
    migrate
    ;;
  "run_tests" )
    shift
    source venv/bin/activate
    export DJANGO_SETTINGS_MODULE=mainsite.settings
    export DATABASE_USER=root
    export DATABASE_PASSWORD=""
    export RELEASE_ENV=run_tests
    export PEERINGDB_SYNC_CACHE_URL=""
    export OIDC_RSA_PRIVATE_KEY_ACTIVE_PATH=/srv/www.peeringdb.com/tests/data/oidc/oidc.key
    unset BASE_URL
    unset OAUTH2_PROVIDER_APPLICATION_MODEL
    unset SESSION_COOKIE_DOMAIN
    unset PEERINGDB_SYNC_API_KEY
    unset GOOGLE_GEOLOC_API_KEY
    unset MELISSA_KEY
    # Tests use the cache/session defaults from run_tests.py — clear any
    # operator overrides from .env so the suite is reproducible across envs.
    unset DEFAULT_CACHE_BACKEND
    unset NEGATIVE_CACHE_BACKEND
    unset ERROR_EMAILS_CACHE_BACKEND
    unset GEO_CACHE_BACKEND
    unset SESSION_CACHE_BACKEND
    unset SESSION_CACHE_ALIAS
    unset SESSION_ENGINE
    unset REDIS_SENTINEL_NODES
    unset REDIS_SENTINEL_ENABLED
    unset REDIS_SENTINEL_PASSWORD
    pytest -v -rA --cov-report term-missing --cov=peeringdb_server --durations=0 tests/ $@
    ;;
  "gen_docs" )
    shift
    source venv/bin/activate
    export DJANGO_SETTINGS_MODULE=mainsite.settings
    # ask the venv where site-packages is rather than hardcoding the python
    # minor version, so this survives interpreter upgrades
    site_packages=$(python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    ln -s /srv/www.peeringdb.com/peeringdb_server $site_packages/peeringdb_server
    ln -s /srv/www.peeringdb.com/mainsite $site_packages/mainsite
    mkdir $site_packages/etc/
    mkdir $site_packages/var/log -p
    cp etc/VERSION $site_packages/etc/
    echo generating module documentation files
    python peeringdb_server/gendocs.py
    echo generating schema visualization
    python manage.py graph_models -E -X .*Base --pydot -o docs/img/schema.png peeringdb_server
    echo generating api docs
    python manage.py generateschema --file peeringdb_server/static/api-schema.yaml --generator_class peeringdb_server.api_schema.CustomSchemaGenerator
    ;;
  "makemessages" | "compilemessages" )
    cd /mnt
    exec django-admin $@
    ;;
  "inetd" | "in.whois" | "whois" )
    echo "whois and inetd have been removed"
    exit 1
    ;;
  "/bin/sh" | "bash" )
    echo dropping to shell
    exec $@
    ;;
  * )
    exec manage $@
    ;;
esac
