#!/usr/bin/env bash

compose exec cli curl -X BAN http://varnish