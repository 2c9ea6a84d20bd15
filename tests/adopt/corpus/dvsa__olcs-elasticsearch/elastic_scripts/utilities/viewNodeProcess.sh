#!/bin/bash

curl http://localhost:9200/_nodes/process?pretty
