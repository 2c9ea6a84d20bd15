#!/bin/bash

curl -XGET "http://localhost:9200/_mapping?pretty=1"
