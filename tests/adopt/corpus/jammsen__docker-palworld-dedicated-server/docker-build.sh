#!/usr/bin/env bash
docker build "$@" --tag=jammsen/palworld-dedicated-server:latest .