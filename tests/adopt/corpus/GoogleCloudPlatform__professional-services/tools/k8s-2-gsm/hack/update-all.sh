#!/usr/bin/env bash

# ./hack/update-all.sh

go get -u ./...
go mod tidy