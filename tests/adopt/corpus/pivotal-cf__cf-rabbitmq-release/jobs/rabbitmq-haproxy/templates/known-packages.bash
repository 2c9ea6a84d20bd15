#!/usr/bin/env bash

# This desscribes the packages we're responsible for. For example,
# we should ensure that access to the files in these packages are local to
# the vcap user

echo "haproxy rabbitmq-common rabbitmq-haproxy-metrics"
