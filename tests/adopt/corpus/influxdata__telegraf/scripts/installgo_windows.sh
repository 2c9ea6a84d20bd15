#!/bin/sh

set -eux

GO_VERSION="1.26.5"

setup_go () {
    choco upgrade golang -d --allow-downgrade --version=${GO_VERSION}
}

if command -v go >/dev/null 2>&1; then
    echo "Go is already installed"
    cd
    v=$(go version | { read -r _ _ v _; echo "${v#go}"; })
    echo "$v is installed, required version is ${GO_VERSION}"
    if [ "$v" != ${GO_VERSION} ]; then
        setup_go
    fi
else
    setup_go
fi

echo "$PATH"
command -v go
go version
