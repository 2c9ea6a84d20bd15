#!/bin/bash

echo "CREATE EXTENSION pg_stat_statements;" | psql
