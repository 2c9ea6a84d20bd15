#!/usr/bin/env bash

compose exec redis redis-cli flushall