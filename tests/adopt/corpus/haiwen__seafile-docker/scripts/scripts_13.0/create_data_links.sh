#!/bin/bash

set -e
set -o pipefail

if [[ $SEAFILE_BOOTSRAP != "" ]]; then
    exit 0
fi

if [[ $TIME_ZONE != "" ]]; then
    time_zone=/usr/share/zoneinfo/$TIME_ZONE
    if [[ ! -e $time_zone ]]; then
        echo "invalid time zone"
        exit 1
    else
        ln -snf $time_zone /etc/localtime
        echo "$TIME_ZONE" > /etc/timezone
    fi
fi

dirs=(
    conf
    ccnet
    seafile-data
    seahub-data
    pro-data
    seafile-license.txt
    md-data
)

for d in ${dirs[*]}; do
    src=/shared/seafile/$d
    if [[ -e $src ]]; then
        ln -sf $src /opt/seafile
    fi
done

if [[ -e /shared/logs/seafile ]]; then
    mv /shared/logs/seafile /shared/seafile/logs
    rm -rf /opt/seafile/logs && ln -sf /shared/seafile/logs /opt/seafile/
else
    mkdir -p /shared/seafile/logs && ln -sf /shared/seafile/logs /opt/seafile/
fi
