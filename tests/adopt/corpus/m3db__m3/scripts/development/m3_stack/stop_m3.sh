#!/usr/bin/env bash

set -xe

docker-compose -f docker-compose.yml down
