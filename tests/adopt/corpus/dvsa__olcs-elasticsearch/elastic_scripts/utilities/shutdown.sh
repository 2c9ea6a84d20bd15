#!/bin/bash

curl -XPOST 'http://localhost:9200/_shutdown'
